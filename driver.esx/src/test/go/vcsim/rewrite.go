package main

import (
	"bytes"
	"io"
	"net/http"
	"regexp"
	"strconv"
)

// The fix-up in front of the simulator. govmomi 0.24's simulator writes a property value of an
// array type as
//
//	<val XMLSchema-instance:type="ArrayOfManagedObjectReference"><ManagedObjectReference type="HostSystem">ha-host</ManagedObjectReference></val>
//
// with no xsi:type on the items. Real ESX and vCenter type every item, and libvirt's ESX driver
// (esxVI_AnyType_Deserialize) refuses an item without one: "AnyType is missing 'type' property".
// addArrayItemTypes gives each direct child of an element typed ArrayOfX that has no xsi:type of
// its own the type X (xsd:X for XML Schema's simple types: ArrayOfString items are xsd:string),
// using the xsi prefix the array element uses. Nothing else is changed: items that carry a type
// (ArrayOfEvent's polymorphic items) keep it, and no other element or text is touched.
func addArrayItemTypes(resp *http.Response) error {
	if resp.Request.Method != http.MethodPost {
		return nil
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return err
	}
	body = typeArrayItems(body)
	resp.Body = io.NopCloser(bytes.NewReader(body))
	resp.ContentLength = int64(len(body))
	resp.Header.Set("Content-Length", strconv.Itoa(len(body)))
	return nil
}

// an opening tag typed as an array: group 1 the xsi prefix, group 2 the item type
var arrayTag = regexp.MustCompile(`<[A-Za-z_][\w.-]*\s[^>]*?([\w.-]+):type="ArrayOf(\w+)"[^>]*>`)

var simpleTypes = map[string]bool{
	"string": true, "int": true, "long": true, "short": true, "byte": true,
	"boolean": true, "double": true, "float": true, "dateTime": true, "base64Binary": true, "anyURI": true,
}

func typeArrayItems(b []byte) []byte {
	var out bytes.Buffer
	pos := 0
	for {
		m := arrayTag.FindSubmatchIndex(b[pos:])
		if m == nil {
			out.Write(b[pos:])
			return out.Bytes()
		}
		end := pos + m[1]
		prefix := string(b[pos+m[2] : pos+m[3]])
		item := string(b[pos+m[4] : pos+m[5]])
		if simpleTypes[item] {
			item = "xsd:" + item
		}
		out.Write(b[pos:end])
		if b[end-2] == '/' { // <val .../>: an empty array
			pos = end
			continue
		}
		pos = typeChildren(b, end, prefix+":type", item, &out)
	}
}

// typeChildren copies b from i up to and including the closing tag of the array element opened
// just before i, adding attr="item" to each direct child's opening tag without attr; it returns
// the index after that closing tag. Nested arrays are typed too.
func typeChildren(b []byte, i int, attr, item string, out *bytes.Buffer) int {
	depth := 0
	for i < len(b) {
		lt := bytes.IndexByte(b[i:], '<')
		if lt < 0 {
			out.Write(b[i:])
			return len(b)
		}
		out.Write(b[i : i+lt])
		i += lt
		gt := bytes.IndexByte(b[i:], '>')
		if gt < 0 {
			out.Write(b[i:])
			return len(b)
		}
		tag := b[i : i+gt+1]
		i += gt + 1
		switch {
		case bytes.HasPrefix(tag, []byte("</")):
			out.Write(tag)
			if depth == 0 {
				return i
			}
			depth--
		default:
			selfClosing := bytes.HasSuffix(tag, []byte("/>"))
			if depth == 0 && !bytes.Contains(tag, []byte(attr+"=")) {
				cut := len(tag) - 1
				if selfClosing {
					cut--
				}
				out.Write(tag[:cut])
				out.WriteString(" " + attr + `="` + item + `"`)
				out.Write(tag[cut:])
			} else if m := arrayTag.FindSubmatchIndex(tag); m != nil && !selfClosing {
				// an array inside an item: type its items as well
				out.Write(tag)
				inner := string(tag[m[4]:m[5]])
				if simpleTypes[inner] {
					inner = "xsd:" + inner
				}
				i = typeChildren(b, i, string(tag[m[2]:m[3]])+":type", inner, out)
				continue
			} else {
				out.Write(tag)
			}
			if !selfClosing {
				depth++
			}
		}
	}
	return i
}

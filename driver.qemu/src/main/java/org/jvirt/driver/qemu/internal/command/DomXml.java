package org.jvirt.driver.qemu.internal.command;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.jvirt.api.VirtException;
import org.jvirt.driver.qemu.internal.QemuErrors;

/**
 * Reads formatted domain XML into an {@link XNode} tree and writes one back. The QEMU steps work
 * on the XML the codec formats, so they see every device the same way whether or not the model
 * types it, and hand their result back through the codec's parser.
 */
final class DomXml {
    private DomXml() {
    }

    static XNode read(String xml) throws VirtException {
        try {
            XMLInputFactory f = XMLInputFactory.newFactory();
            f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
            XMLStreamReader r = f.createXMLStreamReader(new StringReader(xml));
            Deque<XNode> stack = new ArrayDeque<>();
            Deque<StringBuilder> texts = new ArrayDeque<>();
            XNode root = null;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    XNode n = new XNode(qname(r.getPrefix(), r.getLocalName()));
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        n.attrs.put(qname(r.getAttributePrefix(i), r.getAttributeLocalName(i)), r.getAttributeValue(i));
                    }
                    if (stack.isEmpty()) {
                        root = n;
                    } else {
                        stack.peek().children.add(n);
                    }
                    stack.push(n);
                    texts.push(new StringBuilder());
                } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA
                        || ev == XMLStreamConstants.SPACE) {
                    if (!texts.isEmpty()) {
                        texts.peek().append(r.getText());
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    XNode n = stack.pop();
                    StringBuilder t = texts.pop();
                    if (n.children.isEmpty() && t.length() > 0) {
                        n.text = t.toString();
                    }
                }
            }
            return root;
        } catch (XMLStreamException e) {
            throw QemuErrors.internal("cannot read formatted domain XML: " + e.getMessage());
        }
    }

    private static String qname(String prefix, String local) {
        return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    }

    static String write(XNode n) {
        StringBuilder sb = new StringBuilder();
        write(sb, n);
        return sb.toString();
    }

    private static void write(StringBuilder sb, XNode n) {
        sb.append('<').append(n.name);
        for (Map.Entry<String, String> a : n.attrs.entrySet()) {
            sb.append(' ').append(a.getKey()).append("=\"").append(escape(a.getValue(), true)).append('"');
        }
        if (n.children.isEmpty() && n.text == null) {
            sb.append("/>");
            return;
        }
        sb.append('>');
        if (n.text != null) {
            sb.append(escape(n.text, false));
        }
        for (XNode c : n.children) {
            write(sb, c);
        }
        sb.append("</").append(n.name).append('>');
    }

    private static String escape(String s, boolean attr) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append(attr ? "&quot;" : "\"");
                case '\n' -> sb.append(attr ? "&#10;" : "\n");
                case '\r' -> sb.append("&#13;");
                case '\t' -> sb.append(attr ? "&#9;" : "\t");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}

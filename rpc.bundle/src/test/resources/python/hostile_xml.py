"""Hostile domain XML against a libvirt daemon (jvirtd) through python3-libvirt.

Usage: hostile_xml.py URI STATE_DIR

URI is a test:///default or a qemu:///system served by the daemon; no guest is started.

Every case sends one definition with defineXML (some with createXML too) and checks that the
daemon answers with a libvirt error (code and message as expected) within LIMIT seconds, that the
connection still works, that the domain list is unchanged and that no file appeared in STATE_DIR.
Prints one line a case, "ok NAME: code N: message" or "FAIL NAME: detail", then "done".
"""
import os
import sys
import time

import libvirt

LIMIT = 10.0
XML_ERROR = libvirt.VIR_ERR_XML_ERROR
XML_DETAIL = libvirt.VIR_ERR_XML_DETAIL
DOCTYPE = "XML error: DOCTYPE declarations are not allowed in (domain_definition)"
DEPTH = "(domain_definition):1: Excessive depth in document: 256 use XML_PARSE_HUGE option"


def ignore(_ctx, _err):
    pass


def domain(name="hostile", inside="", type_="test"):
    return ("<domain type='%s'><name>%s</name><memory>65536</memory>"
            "<os><type>hvm</type></os>%s</domain>" % (type_, name, inside))


def deep(tag, levels):
    return "<%s>" % tag * levels + "</%s>" % tag.split(" ")[0] * levels


def files(root):
    out = set()
    for d, _dirs, names in os.walk(root):
        for n in names:
            out.add(os.path.relpath(os.path.join(d, n), root))
    return out


def domains(conn):
    return sorted(d.UUIDString() for d in conn.listAllDomains(0))


def cases(type_):
    lol = "".join("<!ENTITY l%d '%s'>" % (i, ("&l%d;" % (i - 1)) * 10) for i in range(1, 10))
    qemu_ns = "xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'"
    big = "d" * (4 * 1024 * 1024)
    return [
        ("xxe-file", "<!DOCTYPE domain [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>" + domain("&x;", type_=type_),
         XML_ERROR, DOCTYPE),
        ("xxe-http", "<!DOCTYPE domain [<!ENTITY x SYSTEM 'http://127.0.0.1:9/x'>]>" + domain("&x;", type_=type_),
         XML_ERROR, DOCTYPE),
        ("billion-laughs", "<!DOCTYPE domain [<!ENTITY l0 'lol'>" + lol + "]>"
         + domain("laughs", "<description>&l9;</description>", type_), XML_ERROR, DOCTYPE),
        ("invalid-char", domain("a\x01b", type_=type_), XML_DETAIL,
         "(domain_definition):1: PCDATA invalid Char value 1"),
        ("invalid-char-reference", domain("a&#1;b", type_=type_), XML_DETAIL,
         "(domain_definition):1: xmlParseCharRef: invalid xmlChar value 1"),
        ("invalid-char-attribute", domain("attr", "<description x='\x02'/>", type_), XML_DETAIL,
         "(domain_definition):1: invalid character in attribute value"),
        # over libvirt's REMOTE_STRING_MAX: the client itself refuses to send them (VIR_ERR_RPC)
        ("4MiB-description", domain("big", "<description>" + big + "</description>", type_), None, None),
        ("4MiB-name", domain(big, type_=type_), None, None),
        ("deep-metadata", domain("deep", "<metadata>" + deep("m:x xmlns:m='urn:x'", 5000) + "</metadata>", type_),
         XML_DETAIL, DEPTH),
        ("deep-description", domain("deep", "<description>" + deep("x", 5000) + "</description>", type_),
         XML_DETAIL, DEPTH),
        ("deep-qemu-commandline", domain("deep", "<qemu:commandline %s>%s</qemu:commandline>"
                                         % (qemu_ns, deep("qemu:arg", 5000)), type_), XML_DETAIL, DEPTH),
        ("name-slash", domain("a/b", type_=type_), XML_ERROR, "XML error: name a/b cannot contain '/'"),
        ("name-slash-dotdot", domain("../../etc", type_=type_), XML_ERROR,
         "XML error: name ../../etc cannot contain '/'"),
        ("name-newline", domain("a\nb", type_=type_), XML_DETAIL, "invalid char in name: \n"),
        ("name-control", domain("a\x1bb", type_=type_), XML_DETAIL,
         "(domain_definition):1: PCDATA invalid Char value 27"),
    ] + ([
        # QEMU names files after the domain: a name must fit NAME_MAX with libvirt's ".xml.new"
        ("name-1000", domain("n" * 1000, type_=type_), libvirt.VIR_ERR_SYSTEM_ERROR,
         "cannot name files after domain 'nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn...': its name is 1000 bytes long*"),
    ] if type_ == "qemu" else [])


def accepted_cases(type_):
    """What libvirt accepts: it must come back as given and leave nothing once undefined."""
    fits = "d" * (4 * 1024 * 1024 - 1024)  # a description as large as libvirt's RPC strings allow
    return [("name-dotdot", "..", ""), ("name-dot", ".", ""),
            ("name-unicode", "r\u00e9seau-\u65e5\u672c-\U0001f600", ""),
            ("name-1000", "n" * 1000 if type_ == "test" else None, ""), ("name-tab", "a\tb", ""),
            ("4MiB-description-that-fits", "big", "<description>" + fits + "</description>")]


# the error domain of each refusal, as libvirt reports it: the definition's parser reports from
# VIR_FROM_DOMAIN, virXMLCheckIllegalChars from VIR_FROM_XML, the QEMU driver from VIR_FROM_QEMU
DOMAINS = {"name-newline": libvirt.VIR_FROM_XML, "name-1000": libvirt.VIR_FROM_QEMU}


def check(conn, state, name, call, code, message):
    before_domains = domains(conn)
    before_files = files(state)
    start = time.monotonic()
    try:
        dom = call()
        elapsed = time.monotonic() - start
        try:
            dom.undefine()
        except libvirt.libvirtError:
            pass
        return "FAIL %s: accepted after %.1f s" % (name, elapsed)
    except libvirt.libvirtError as e:
        elapsed = time.monotonic() - start
        got_code, got_message, got_domain = e.get_error_code(), e.get_error_message(), e.get_error_domain()
    problems = []
    domain_expected = DOMAINS.get(name.replace("-create", ""), libvirt.VIR_FROM_DOMAIN)
    if code is not None and got_domain != domain_expected:
        problems.append("error domain %d, expected %d" % (got_domain, domain_expected))
    if elapsed > LIMIT:
        problems.append("answered after %.1f s" % elapsed)
    if message is not None and message.endswith("*"):
        matches = got_code == code and got_message.startswith(message[:-1])
    else:
        matches = (got_code, got_message) == (code, message)
    if code is not None and not matches:
        problems.append("got code %d %r, expected code %d %r" % (got_code, got_message[:200], code, message))
    if code is None and got_code not in (XML_ERROR, XML_DETAIL, libvirt.VIR_ERR_RPC):
        problems.append("got code %d %r" % (got_code, got_message[:200]))
    try:
        conn.getType()
        if domains(conn) != before_domains:
            problems.append("domains changed: %s" % (set(domains(conn)) ^ set(before_domains)))
    except libvirt.libvirtError as e:
        problems.append("connection unusable: %s" % e)
    new_files = files(state) - before_files
    if new_files:
        problems.append("new files %s" % sorted(new_files))
    if problems:
        return "FAIL %s: %s" % (name, "; ".join(problems))
    return "ok %s: code %d, domain %d: %s" % (name, got_code, got_domain, got_message[:120].replace("\n", "\\n"))


def check_accepted(conn, state, name, domain_name, inside, type_):
    before_files = files(state)
    try:
        xml = domain(domain_name, inside, type_)
        dom = conn.defineXML(xml)
    except libvirt.libvirtError as e:
        return "FAIL %s: refused: %s" % (name, e.get_error_message())
    try:
        if dom.name() != domain_name or conn.lookupByName(domain_name).UUIDString() != dom.UUIDString():
            return "FAIL %s: came back as %r" % (name, dom.name()[:80])
        dumped = dom.XMLDesc(0)
        if not len(xml) <= len(dumped) < len(xml) + 4096:
            return "FAIL %s: %d characters in, %d out" % (name, len(xml), len(dumped))
        outside = [f for f in files(state) if f.startswith("..") or os.path.isabs(f)]
        if outside:
            return "FAIL %s: files outside the state folder %s" % (name, outside)
    finally:
        dom.undefine()
    left = files(state) - before_files
    if left:
        return "FAIL %s: files left after undefine %s" % (name, sorted(left))
    return "ok %s" % name


def main():
    uri, state = sys.argv[1], sys.argv[2]
    type_ = "qemu" if uri.startswith("qemu") else "test"
    libvirt.registerErrorHandler(ignore, None)
    conn = libvirt.open(uri)
    for name, xml, code, message in cases(type_):
        print(check(conn, state, name, lambda x=xml: conn.defineXML(x), code, message), flush=True)
        if name.startswith("deep-") or name.startswith("xxe") or name == "name-slash":
            print(check(conn, state, name + "-create", lambda x=xml: conn.createXML(x, 0), code, message), flush=True)
    for name, domain_name, inside in accepted_cases(type_):
        if domain_name is not None:
            print(check_accepted(conn, state, name, domain_name, inside, type_), flush=True)
    conn.close()
    print("done", flush=True)


if __name__ == "__main__":
    main()

"""python3-libvirt's secret API against a daemon: jvirtd, or libvirtd 9.0 to check the expectations.

Usage: secrets.py SECRET_URI SECRET_RO_URI TEST_URI
Prints one line per check ("ok NAME" or "FAIL NAME: why") and "secrets: N passed, M failed";
exits 1 when any check failed.
"""
import sys
import threading
import time

import libvirt

uri, ro_uri, test_uri = sys.argv[1:4]
results = []


def check(name, got, want):
    ok = got == want
    results.append(ok)
    print(("ok " if ok else "FAIL ") + name + ("" if ok else ": got %r, want %r" % (got, want)), flush=True)


def error_of(fn):
    try:
        fn()
    except libvirt.libvirtError as e:
        return (e.get_error_code(), e.get_error_domain(), e.get_error_message())
    return None


libvirt.registerErrorHandler(lambda ctx, err: None, None)
libvirt.virEventRegisterDefaultImpl()
stop = False


def loop():
    while not stop:
        libvirt.virEventRunDefaultImpl()


threading.Thread(target=loop, daemon=True).start()

c = libvirt.open(uri)
events = []
cb_life = c.secretEventRegisterAny(None, libvirt.VIR_SECRET_EVENT_ID_LIFECYCLE,
                                   lambda conn, s, ev, detail, opaque: events.append(("life", s.UUIDString(), ev, detail)), None)
cb_value = c.secretEventRegisterAny(None, libvirt.VIR_SECRET_EVENT_ID_VALUE_CHANGED,
                                    lambda conn, s, opaque: events.append(("value", s.UUIDString(), s.usageID())), None)

PRIV = "0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f"
EPH = "5b0e57f2-93c4-4b5c-9d4c-0a1b2c3d4e5f"
priv = c.secretDefineXML("<secret ephemeral='no' private='yes'><uuid>%s</uuid>"
                         "<usage type='iscsi'><target>libvirtiscsi</target></usage></secret>" % PRIV)
eph = c.secretDefineXML("<secret ephemeral='yes' private='no'><uuid>%s</uuid>"
                        "<usage type='tls'><name>TLS_example</name></usage></secret>" % EPH)
vtpm = c.secretDefineXML("<secret><usage type='vtpm'><name>VTPM_example</name></usage></secret>")
check("define uuid", priv.UUIDString(), PRIV)
check("usage type", (priv.usageType(), eph.usageType(), vtpm.usageType()),
      (libvirt.VIR_SECRET_USAGE_TYPE_ISCSI, libvirt.VIR_SECRET_USAGE_TYPE_TLS, libvirt.VIR_SECRET_USAGE_TYPE_VTPM))
check("usage id", priv.usageID(), "libvirtiscsi")
check("numOfSecrets", c.numOfSecrets(), 3)
check("listSecrets", sorted(c.listSecrets()), sorted([PRIV, EPH, vtpm.UUIDString()]))


def uuids(flags):
    return sorted(s.UUIDString() for s in c.listAllSecrets(flags))


check("list ephemeral", uuids(libvirt.VIR_CONNECT_LIST_SECRETS_EPHEMERAL), [EPH])
check("list private", uuids(libvirt.VIR_CONNECT_LIST_SECRETS_PRIVATE), [PRIV])
check("list no private, no ephemeral",
      uuids(libvirt.VIR_CONNECT_LIST_SECRETS_NO_PRIVATE | libvirt.VIR_CONNECT_LIST_SECRETS_NO_EPHEMERAL),
      [vtpm.UUIDString()])
check("lookup by usage", c.secretLookupByUsage(libvirt.VIR_SECRET_USAGE_TYPE_TLS, "TLS_example").UUIDString(), EPH)
check("lookup by usage, other type", error_of(lambda: c.secretLookupByUsage(libvirt.VIR_SECRET_USAGE_TYPE_CEPH, "TLS_example")),
      (66, 30, "Secret not found: no secret with matching usage 'TLS_example'"))
check("lookup by UUID", c.secretLookupByUUIDString(PRIV).usageID(), "libvirtiscsi")
check("no value yet", error_of(eph.value), (66, 30, "Secret not found: secret '%s' does not have a value" % EPH))

eph.setValue(b"\x00\x01binary\xff")
check("value round trip", eph.value(), b"\x00\x01binary\xff")
priv.setValue(b"iscsi-chap")
check("private value", error_of(priv.value), (65, 30, "Invalid secret: secret is private"))
check("value flags", error_of(lambda: eph.value(1)), (8, 30, "unsupported flags (0x1) in function secretGetValue"))
check("list flags", error_of(lambda: c.listAllSecrets(64)), (8, 30, "unsupported flags (0x40) in function secretConnectListAllSecrets"))
check("xml flags", error_of(lambda: eph.XMLDesc(1)), (8, 30, "unsupported flags (0x1) in function secretGetXMLDesc"))
check("value too large", error_of(lambda: eph.setValue(b"x" * 70000))[0:2], (39, 13))
check("redefine other usage", error_of(lambda: c.secretDefineXML(
    "<secret><uuid>%s</uuid><usage type='ceph'><name>x</name></usage></secret>" % PRIV)),
    (1, 30, "internal error: a secret with UUID %s is already defined for use with libvirtiscsi" % PRIV))
check("make private public", error_of(lambda: c.secretDefineXML(
    "<secret private='no'><uuid>%s</uuid><usage type='iscsi'><target>libvirtiscsi</target></usage></secret>" % PRIV)),
    (1, 30, "internal error: cannot change private flag on existing secret"))
check("bad usage", error_of(lambda: c.secretDefineXML("<secret><usage type='foo'/></secret>")),
      (67, 30, "unsupported configuration: unknown secret usage type foo"))
check("xml", eph.XMLDesc(), "<secret ephemeral='yes' private='no'>\n  <uuid>%s</uuid>\n  <usage type='tls'>\n"
      "    <name>TLS_example</name>\n  </usage>\n</secret>\n" % EPH)

r = libvirt.openReadOnly(ro_uri)
reph = r.secretLookupByUUIDString(EPH)
check("read-only list", sorted(s.UUIDString() for s in r.listAllSecrets(0)), sorted([PRIV, EPH, vtpm.UUIDString()]))
check("read-only xml", reph.XMLDesc(), eph.XMLDesc())
check("read-only value", error_of(reph.value), (29, 30, "operation forbidden: read only access prevents virSecretGetValue"))
check("read-only set value", error_of(lambda: reph.setValue(b"a")), (29, 30, "operation forbidden: read only access prevents virSecretSetValue"))
check("read-only undefine", error_of(reph.undefine), (29, 30, "operation forbidden: read only access prevents virSecretUndefine"))
check("read-only define", error_of(lambda: r.secretDefineXML("<secret/>")), (29, 30, "operation forbidden: read only access prevents virSecretDefineXML"))
r.close()

eph.undefine()
check("undefined", error_of(lambda: c.secretLookupByUUIDString(EPH)), (66, 30, "Secret not found: no secret with matching uuid '%s'" % EPH))

want = [("life", PRIV, libvirt.VIR_SECRET_EVENT_DEFINED, 0), ("life", EPH, libvirt.VIR_SECRET_EVENT_DEFINED, 0),
        ("life", vtpm.UUIDString(), libvirt.VIR_SECRET_EVENT_DEFINED, 0),
        ("value", EPH, "TLS_example"), ("value", PRIV, "libvirtiscsi"),
        ("life", EPH, libvirt.VIR_SECRET_EVENT_UNDEFINED, 0)]
deadline = time.time() + 10
while len(events) < len(want) and time.time() < deadline:
    time.sleep(0.05)
check("events", events, want)
c.secretEventDeregisterAny(cb_life)
c.secretEventDeregisterAny(cb_value)
priv.undefine()
vtpm.undefine()
time.sleep(0.3)
check("no events after deregistering", len(events), len(want))
check("all gone", c.numOfSecrets(), 0)
c.close()

t = libvirt.open(test_uri)
check("test driver has no secrets", error_of(lambda: t.listAllSecrets(0)),
      (3, 30, "this function is not supported by the connection driver: virConnectListAllSecrets"))
t.close()
stop = True

failed = results.count(False)
print("secrets: %d passed, %d failed" % (len(results) - failed, failed))
sys.exit(1 if failed else 0)

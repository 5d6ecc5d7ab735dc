"""python3-libvirt against jvirtd: the operations virsh covers, through the Python binding.

Usage: jvirt_client.py URI
Prints one "ok <check>" line per passed check; on the first failure prints "FAIL <check>: <detail>"
and exits non-zero.
"""
import sys
import threading
import time

import libvirt


def check(name, cond, detail=""):
    if not cond:
        print("FAIL %s: %s" % (name, detail))
        sys.exit(1)
    print("ok %s" % name)


def main(uri):
    libvirt.registerErrorHandler(lambda ctx, err: None, None)
    libvirt.virEventRegisterDefaultImpl()
    stop = False

    def loop():
        while not stop:
            libvirt.virEventRunDefaultImpl()
    t = threading.Thread(target=loop, daemon=True)
    t.start()

    conn = libvirt.open(uri)
    check("type", conn.getType() != "")
    check("version", conn.getVersion() >= 0)
    check("libversion", conn.getLibVersion() > 0)
    check("hostname", len(conn.getHostname()) > 0)
    check("capabilities", conn.getCapabilities().startswith("<capabilities"))
    info = conn.getInfo()
    check("nodeinfo", info[2] > 0, str(info))
    names = [d.name() for d in conn.listAllDomains(0)]
    check("listAllDomains", "test" in names, str(names))
    check("listDomainsID", 1 in conn.listDomainsID())
    check("numOfDomains", conn.numOfDomains() >= 1)

    dom = conn.lookupByName("test")
    check("lookupByName", dom.name() == "test" and dom.ID() == 1)
    check("UUIDString", dom.UUIDString() == "6695eb01-f6a4-8304-79aa-97f2502e193f")
    check("lookupByUUIDString", conn.lookupByUUIDString(dom.UUIDString()).name() == "test")
    check("lookupByID", conn.lookupByID(1).name() == "test")
    st = dom.info()
    check("info", st[0] == libvirt.VIR_DOMAIN_RUNNING and st[3] >= 1, str(st))
    check("state", dom.state()[0] == libvirt.VIR_DOMAIN_RUNNING)
    check("isActive", dom.isActive() == 1)
    check("isPersistent", dom.isPersistent() == 1)
    check("OSType", dom.OSType() != "")
    check("XMLDesc", "<name>test</name>" in dom.XMLDesc(0))
    vcpus = dom.vcpus()
    check("vcpus", len(vcpus[0]) == st[3], str(vcpus))

    events = []
    cb = conn.domainEventRegisterAny(None, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                     lambda c, d, ev, detail, opaque: events.append((d.name(), ev, detail)),
                                     None)
    dom.suspend()
    check("suspend", dom.state()[0] == libvirt.VIR_DOMAIN_PAUSED)
    dom.resume()
    check("resume", dom.state()[0] == libvirt.VIR_DOMAIN_RUNNING)
    dom.setAutostart(1)
    check("autostart", dom.autostart() == 1)
    dom.setAutostart(0)
    dom.destroy()
    check("destroy", dom.state()[0] == libvirt.VIR_DOMAIN_SHUTOFF and dom.ID() == -1)
    dom.create()
    check("create", dom.isActive() == 1)
    deadline = time.time() + 10
    while len(events) < 4 and time.time() < deadline:
        time.sleep(0.05)
    kinds = [e[1] for e in events]
    check("events", kinds[:4] == [libvirt.VIR_DOMAIN_EVENT_SUSPENDED, libvirt.VIR_DOMAIN_EVENT_RESUMED,
                                  libvirt.VIR_DOMAIN_EVENT_STOPPED, libvirt.VIR_DOMAIN_EVENT_STARTED], str(events))
    conn.domainEventDeregisterAny(cb)

    xml = ("<domain type='test'><name>py1</name><memory>65536</memory><vcpu>1</vcpu>"
           "<os><type>hvm</type></os></domain>")
    d = conn.defineXML(xml)
    check("defineXML", d.name() == "py1" and d.isActive() == 0)
    d.create()
    check("start defined", d.isActive() == 1)
    d.destroy()
    d.undefine()
    try:
        conn.lookupByName("py1")
        check("undefine", False)
    except libvirt.libvirtError as e:
        check("undefine", e.get_error_code() == libvirt.VIR_ERR_NO_DOMAIN, str(e))

    try:
        conn.lookupByName("nosuch")
        check("missing domain", False)
    except libvirt.libvirtError as e:
        check("missing domain", e.get_error_code() == libvirt.VIR_ERR_NO_DOMAIN, str(e))

    # the test driver's networks and pools, as libvirt's test driver has them on test:///default
    nets = [n.name() for n in conn.listAllNetworks(0)]
    check("listAllNetworks", nets == ["default"], str(nets))
    net = conn.networkLookupByName("default")
    check("network", net.isActive() == 1 and net.isPersistent() == 1 and net.bridgeName() == "virbr0"
          and net.UUIDString() == "dd8fe884-6c02-601e-7551-cca97df1c5df")
    check("network XMLDesc", "<forward mode='nat'/>" in net.XMLDesc(0), net.XMLDesc(0))
    try:
        conn.networkLookupByName("nosuch")
        check("missing network", False)
    except libvirt.libvirtError as e:
        check("missing network", e.get_error_code() == libvirt.VIR_ERR_NO_NETWORK
              and e.get_error_domain() == libvirt.VIR_FROM_TEST, str(e))
    pool = conn.storagePoolLookupByName("default-pool")
    check("storage pool", pool.info() == [libvirt.VIR_STORAGE_POOL_RUNNING, 107374182400, 0, 107374182400],
          str(pool.info()))
    vol = pool.createXML("<volume><name>py.img</name><capacity>1048576</capacity></volume>", 0)
    check("storage vol", vol.path() == "/default-pool/py.img" and vol.info() == [0, 1048576, 1048576]
          and pool.listVolumes() == ["py.img"], str(vol.info()))
    vol.delete(0)
    check("storage vol delete", pool.numOfVolumes() == 0 and pool.info()[2] == 0)

    conn.close()
    stop = True
    print("done")


if __name__ == "__main__":
    main(sys.argv[1])

"""A handle to a domain that has gone (undefined through that very handle): each call prints
'NAME ok RESULT' or 'NAME CODE DOMAIN MESSAGE'. Run against libvirt's test:///default and jvirtd."""
import sys

import libvirt

libvirt.registerErrorHandler(lambda ctx, err: None, None)
conn = libvirt.open(sys.argv[1])
dom = conn.defineXML("""<domain type='test'><name>gone</name><uuid>6a1c0e44-3b0d-4b6e-9c5f-0000000000e1</uuid>
<memory>1024</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>""")
dom.undefine()
CALLS = [
    ("info", lambda: dom.info()),
    ("state", lambda: dom.state()),
    ("isActive", lambda: dom.isActive()),
    ("isPersistent", lambda: dom.isPersistent()),
    ("isUpdated", lambda: dom.isUpdated()),
    ("XMLDesc", lambda: dom.XMLDesc(0)),
    ("OSType", lambda: dom.OSType()),
    ("maxMemory", lambda: dom.maxMemory()),
    ("create", lambda: dom.create()),
    ("destroy", lambda: dom.destroy()),
    ("suspend", lambda: dom.suspend()),
    ("resume", lambda: dom.resume()),
    ("reboot", lambda: dom.reboot(0)),
    ("shutdown", lambda: dom.shutdown()),
    ("reset", lambda: dom.reset(0)),
    ("undefine", lambda: dom.undefine()),
    ("autostart", lambda: dom.autostart()),
    ("setAutostart", lambda: dom.setAutostart(1)),
    ("managedSave", lambda: dom.managedSave(0)),
    ("hasManagedSaveImage", lambda: dom.hasManagedSaveImage(0)),
    ("managedSaveRemove", lambda: dom.managedSaveRemove(0)),
    ("setMemory", lambda: dom.setMemory(512)),
    ("setMaxMemory", lambda: dom.setMaxMemory(2048)),
    ("setMemoryStatsPeriod", lambda: dom.setMemoryStatsPeriod(5, 0)),
    ("memoryStats", lambda: dom.memoryStats()),
    ("vcpus", lambda: dom.vcpus()),
    ("vcpusFlags", lambda: dom.vcpusFlags(0)),
    ("maxVcpus", lambda: dom.maxVcpus()),
    ("setVcpusFlags", lambda: dom.setVcpusFlags(1, 0)),
    ("pinVcpu", lambda: dom.pinVcpu(0, (True,))),
    ("vcpuPinInfo", lambda: dom.vcpuPinInfo(0)),
    ("emulatorPinInfo", lambda: dom.emulatorPinInfo(0)),
    ("schedulerType", lambda: dom.schedulerType()),
    ("schedulerParameters", lambda: dom.schedulerParameters()),
    ("memoryParameters", lambda: dom.memoryParameters(0)),
    ("blkioParameters", lambda: dom.blkioParameters(0)),
    ("interfaceParameters", lambda: dom.interfaceParameters("tap0", 0)),
    ("setInterfaceParameters", lambda: dom.setInterfaceParameters("tap0", {"inbound.average": 5}, 0)),
    ("interfaceAddresses", lambda: dom.interfaceAddresses(0, 0)),
]
for name, call in CALLS:
    try:
        print(name, "ok", call())
    except libvirt.libvirtError as e:
        print(name, e.get_error_code(), e.get_error_domain(), e.get_error_message())
print("done")

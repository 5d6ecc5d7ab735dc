# Runs a scenario of steps (read from stdin) against libvirt's own test driver and prints one
# result line per step, then the lifecycle events seen; DifferentialTest runs the same steps on
# jvirt and compares the output line by line.
import sys
import threading
import time

import libvirt

libvirt.virEventRegisterDefaultImpl()


def loop():
    while True:
        libvirt.virEventRunDefaultImpl()


threading.Thread(target=loop, daemon=True).start()
libvirt.registerErrorHandler(lambda ctx, err: None, None)

uri = sys.argv[1] if len(sys.argv) > 1 else "test:///default"
conn = libvirt.open(uri)
watcher = libvirt.open(uri)
events = []
watcher.domainEventRegisterAny(None, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                               lambda c, d, ev, detail, o: events.append("%s %d %d %d" % (d.name(), d.ID(), ev, detail)),
                               None)


def xml(name, uuid, mem, extra=""):
    return ("<domain type='test'><name>%s</name><uuid>%s</uuid><memory>%s</memory><vcpu>2</vcpu>"
            "<os><type>hvm</type></os>%s</domain>" % (name, uuid, mem, extra))


def bits(cpulist):
    out = [False] * 16
    for c in ([] if cpulist == "-" else cpulist.split(",")):
        out[int(c)] = True
    return tuple(out)


def fmt_map(m):
    # python-libvirt sizes maps by virNodeGetCPUMap, which the test driver answers with 8 CPUs
    return "".join("y" if b else "-" for b in m[:8])


def step(words):
    op, name = words[0], words[1]
    if op == "nodeinfo":
        return " ".join(str(x) for x in conn.getInfo())
    if op == "caps":
        return conn.getCapabilities().replace("\n", "|")
    if op == "tonative":
        return conn.domainXMLToNative(name, "<domain/>", 0)
    if op == "list":
        return " ".join(sorted(d.name() for d in conn.listAllDomains(int(name))))
    if op == "define":
        return conn.defineXML(xml(name, words[2], words[3], " ".join(words[4:]))).name()
    if op == "createxml":
        return conn.createXML(xml(name, words[2], words[3], " ".join(words[4:])), 0).name()
    if op == "secmodel":
        return "/".join(conn.getSecurityModel())
    d = None if op == "allstats" else conn.lookupByName(name)
    if op == "seclabel":
        label = d.securityLabel()
        return "%s/%d" % (label[0], label[1])
    if op == "seclabels":
        return " ".join("%s/%d" % (l[0], l[1]) for l in d.securityLabelList())
    if op == "start":
        return d.createWithFlags(int(words[2]) if len(words) > 2 else 0)
    if op == "destroy":
        return d.destroy()
    if op == "shutdown":
        return d.shutdown()
    if op == "reboot":
        return d.reboot(0)
    if op == "reset":
        return d.reset(int(words[2]) if len(words) > 2 else 0)
    if op == "suspend":
        return d.suspend()
    if op == "resume":
        return d.resume()
    if op == "undefine":
        return d.undefineFlags(int(words[2])) if len(words) > 2 else d.undefine()
    if op == "managedsave":
        return d.managedSave(int(words[2]) if len(words) > 2 else 0)
    if op == "hasmanagedsave":
        return d.hasManagedSaveImage(int(words[2]) if len(words) > 2 else 0)
    if op == "managedsaveremove":
        return d.managedSaveRemove(int(words[2]) if len(words) > 2 else 0)
    if op == "autostart":
        return d.setAutostart(int(words[2]))
    if op == "pin":
        return d.pinVcpu(int(words[2]), bits(words[3]))
    if op == "xml":
        return d.XMLDesc(int(words[2])).replace("\n", "|")
    if op == "pininfo":
        return " ".join(fmt_map(m) for m in d.vcpuPinInfo(int(words[2])))
    if op == "vcpus":
        info, maps = d.vcpus()
        return " ".join("%d/%d/%d/%s" % (v[0], v[1], v[3], fmt_map(m)) for v, m in zip(info, maps))
    if op == "info":
        i = d.info()
        return "%d %d %d %d" % (i[0], i[1], i[2], i[3])
    if op == "schedtype":
        return "%s %d" % tuple(d.schedulerType())
    if op == "sched":
        flags = int(words[2])
        return fmt_params(d.schedulerParametersFlags(flags) if flags else d.schedulerParameters())
    if op == "setsched":
        # the binding's Flags variant first reads the parameters with VIR_TYPED_PARAM_STRING_OKAY,
        # which the test driver refuses: the plain call reaches its setter
        return d.setSchedulerParameters({words[2]: int(words[3])})
    if op == "mem":
        return fmt_params(d.memoryParameters(int(words[2])))
    if op == "setmemparams":
        return d.setMemoryParameters({words[2]: int(words[3])}, int(words[4]))
    if op == "blkio":
        return fmt_params(d.blkioParameters(int(words[2])))
    if op == "setblkio":
        return d.setBlkioParameters({words[2]: int(words[3])}, int(words[4]))
    if op == "emupin":
        return fmt_map(d.emulatorPinInfo(int(words[2])))
    if op == "pinemu":
        return d.pinEmulator(bits(words[2]), int(words[3]))
    if op == "allstats":
        return stats(conn.getAllDomainStats(int(words[1]), int(words[2])))
    if op == "setmem":
        return d.setMemoryFlags(int(words[2]), int(words[3]))
    if op == "setvcpus":
        return d.setVcpusFlags(int(words[2]), int(words[3]))
    if op == "vcpucount":
        return d.vcpusFlags(int(words[2]))
    if op == "maxvcpus":
        return d.maxVcpus()
    if op == "maxmem":
        return d.maxMemory()
    if op == "memstats":
        return " ".join("%s=%d" % (k, v) for k, v in d.memoryStats().items())
    if op == "period":
        return d.setMemoryStatsPeriod(int(words[2]), int(words[3]))
    if op == "domstats":
        return stats(conn.domainListGetStats([d], int(words[2]), int(words[3])))
    raise ValueError("unknown step " + op)


def stats(records):
    # libvirt lists the domains in the order of its hash table: compare them sorted
    return "; ".join("%s: %s" % (dom.name(), " ".join("%s=%s" % (k, v) for k, v in params.items()))
                     for dom, params in sorted(records, key=lambda r: r[0].name()))


def fmt_params(params):
    return " ".join("%s=%s" % (k, v) for k, v in params.items())


for line in sys.stdin:
    words = line.split()
    if not words:
        continue
    try:
        r = step(words)
        out = "OK" if r is None or r == 0 else "OK " + str(r)
    except libvirt.libvirtError as e:
        out = "ERR %d %d %s" % (e.get_error_code(), e.get_error_domain(), e.get_error_message())
    try:
        d = conn.lookupByName(words[1])
        out += " | %s id=%d persistent=%d autostart=%d" % (d.state(), d.ID(), d.isPersistent(), d.autostart())
    except (libvirt.libvirtError, IndexError):
        pass
    print(out)

# libvirt dispatches events from its event loop: wait until they stop coming
seen = -1
while seen != len(events):
    seen = len(events)
    time.sleep(0.3)
for e in events:
    print("EVENT " + e)

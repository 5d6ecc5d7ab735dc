"""Client side of bench/network-vs-libvirtd.sh: times a NAT network's start and stop through python3-libvirt.

The same code drives jvirtd and libvirtd; only the connection URI and the network namespace their
network driver works in differ. Run with /usr/bin/python3 (Debian's python3-libvirt).

  lifecycle XML ROUNDS WARMUP LABEL=URI@NETNS [LABEL=URI@NETNS ...]
      defines the network XML on each daemon, then per round and per daemon (interleaved): create
      (virNetworkCreate) and destroy, each timed; prints "warmup|start|stop LABEL MS" lines. Checks
      that the bridge exists in the daemon's namespace while the network runs and is gone after
      destroy. Undefines the network at the end.
  remove URI NAME
      destroys and undefines the network NAME if it exists (cleanup).
"""
import re
import subprocess
import sys
import time

import libvirt

libvirt.registerErrorHandler(lambda ctx, err: None, None)


def bridge_exists(netns, bridge):
    r = subprocess.run(["ip", "netns", "exec", netns, "ip", "link", "show", "dev", bridge],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return r.returncode == 0


def lifecycle(xml_file, rounds, warmup, targets):
    with open(xml_file, encoding="utf-8") as f:
        xml = f.read()
    bridge = re.search(r"<bridge name='([^']+)'", xml).group(1)
    daemons = []
    for target in targets:
        label, rest = target.split("=", 1)
        uri, netns = rest.rsplit("@", 1)
        conn = libvirt.open(uri)
        daemons.append((label, conn, netns, conn.networkDefineXML(xml)))
    try:
        for i in range(warmup + rounds):
            for label, conn, netns, net in daemons:
                t0 = time.perf_counter()
                net.create()
                t1 = time.perf_counter()
                if not net.isActive() or not bridge_exists(netns, bridge):
                    raise SystemExit("%s: network not running on bridge %s after create" % (label, bridge))
                t2 = time.perf_counter()
                net.destroy()
                t3 = time.perf_counter()
                if net.isActive() or bridge_exists(netns, bridge):
                    raise SystemExit("%s: bridge %s still there after destroy" % (label, bridge))
                if i < warmup:
                    print("warmup %s %.1f" % (label, (t1 - t0) * 1000), flush=True)
                else:
                    print("start %s %.1f" % (label, (t1 - t0) * 1000), flush=True)
                    print("stop %s %.1f" % (label, (t3 - t2) * 1000), flush=True)
    finally:
        for _, conn, _, net in daemons:
            try:
                if net.isActive():
                    net.destroy()
                net.undefine()
            except libvirt.libvirtError:
                pass
            conn.close()


def remove(uri, name):
    conn = libvirt.open(uri)
    try:
        net = conn.networkLookupByName(name)
        if net.isActive():
            net.destroy()
        net.undefine()
    except libvirt.libvirtError:
        pass
    conn.close()


def main(argv):
    if len(argv) >= 5 and argv[1] == "lifecycle":
        lifecycle(argv[2], int(argv[3]), int(argv[4]), argv[5:])
    elif len(argv) == 4 and argv[1] == "remove":
        remove(argv[2], argv[3])
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv)

"""Client side of bench/storage-vs-libvirtd.sh: times qcow2 volume creation and deletion through
python3-libvirt. The same code drives jvirtd and libvirtd; only the connection URI differs.
Run with /usr/bin/python3 (Debian's python3-libvirt).

  volumes N POOLDIR LABEL=URI [LABEL=URI ...]
      starts a transient dir pool per daemon (POOLDIR/LABEL), then N times, interleaved between the
      daemons: creates a 1 GiB qcow2 volume (virStorageVolCreateXML); then N times reads one's path
      (virStorageVolGetPath: the same lookup as a delete but no work on the host, so the daemon's own
      cost per call) and deletes it (virStorageVolDelete). Checks that each file exists after its creation and is gone
      after its deletion. Prints "create|path|delete LABEL MS" per call and "median create|path|delete
      LABEL MS" at the end, in microsecond resolution (a delete takes about half a millisecond, so
      tenths of a millisecond would round the ratio); destroys the pools.
"""
import os
import statistics
import sys
import time

import libvirt

libvirt.registerErrorHandler(lambda ctx, err: None, None)

POOL = "<pool type='dir'><name>%s</name><target><path>%s</path></target></pool>"
VOLUME = ("<volume><name>%s</name><capacity unit='GiB'>1</capacity>"
          "<target><format type='qcow2'/></target></volume>")


def timed(fn):
    t0 = time.perf_counter_ns()
    result = fn()
    return result, (time.perf_counter_ns() - t0) / 1e6


def volumes(n, pool_dir, daemons):
    conns, pools = {}, {}
    for label, uri in daemons:
        conns[label] = libvirt.open(uri)
        target = os.path.join(pool_dir, label)
        os.makedirs(target, exist_ok=True)
        pools[label] = conns[label].storagePoolCreateXML(POOL % ("bench-" + label, target), 0)
    times = {(op, label): [] for op in ("create", "path", "delete") for label, _ in daemons}
    try:
        vols = {label: [] for label, _ in daemons}
        for i in range(n):
            for label, _ in daemons:
                name = "v%03d.qcow2" % i
                vol, ms = timed(lambda: pools[label].createXML(VOLUME % name, 0))
                if not os.path.exists(vol.path()):
                    raise SystemExit("%s: %s was not created" % (label, vol.path()))
                vols[label].append(vol)
                times[("create", label)].append(ms)
                print("create %s %.3f" % (label, ms), flush=True)
        for i in range(n):
            for label, _ in daemons:
                vol = vols[label][i]
                path = vol.path()
                _, ms = timed(lambda: vol.path())
                times[("path", label)].append(ms)
                print("path %s %.3f" % (label, ms), flush=True)
                _, ms = timed(lambda: vol.delete(0))
                if os.path.exists(path):
                    raise SystemExit("%s: %s was not deleted" % (label, path))
                times[("delete", label)].append(ms)
                print("delete %s %.3f" % (label, ms), flush=True)
    finally:
        for label, _ in daemons:
            try:
                pools[label].destroy()
            except libvirt.libvirtError as e:
                print("cannot destroy pool of %s: %s" % (label, e), file=sys.stderr)
            conns[label].close()
    for (op, label), values in times.items():
        print("median %s %s %.3f" % (op, label, statistics.median(values)))


def main(argv):
    if len(argv) >= 4 and argv[0] == "volumes":
        daemons = [tuple(a.split("=", 1)) for a in argv[3:]]
        volumes(int(argv[1]), argv[2], daemons)
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])

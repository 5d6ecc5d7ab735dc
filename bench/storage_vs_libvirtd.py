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
  calls N POOLDIR LABEL[@PID]=URI [LABEL[@PID]=URI ...]
      the daemons' cost per RPC: on a transient dir pool per daemon holding one volume, N calls of
      each cheap procedure (CONNECT_GET_LIB_VERSION: no driver; STORAGE_POOL_LOOKUP_BY_NAME,
      STORAGE_VOL_LOOKUP_BY_NAME, STORAGE_VOL_LOOKUP_BY_PATH, STORAGE_VOL_GET_PATH: lookups), in
      blocks of 100 interleaved between the daemons after a warm-up block each; prints "median
      calls PROC LABEL US" (microseconds per call, the median over the blocks' mean) per procedure,
      and with the daemon's PID "daemon PROC LABEL CPU_US SWITCHES": its CPU time (user + system,
      all threads) and voluntary context switches per call over the timed blocks.
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


def connect(uri, seconds=60):
    """Opens uri, retrying while the daemon does not serve its scheme yet: jvirtd's RPC socket
    comes up (start level 35) before its storage driver registers (start level 37)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            return libvirt.open(uri)
        except libvirt.libvirtError as e:
            if e.get_error_code() != libvirt.VIR_ERR_NO_CONNECT or time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def volumes(n, pool_dir, daemons):
    conns, pools = {}, {}
    for label, uri in daemons:
        conns[label] = connect(uri)
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


# (connection, pool, volume, the volume's path): pool and volume names are kept by the client, the
# path is asked once before (virStorageVolGetPath is itself a call)
CALLS = {
    "getLibVersion": lambda c, p, v, path: c.getLibVersion(),
    "storagePoolLookupByName": lambda c, p, v, path: c.storagePoolLookupByName(p.name()),
    "storageVolLookupByName": lambda c, p, v, path: p.storageVolLookupByName(v.name()),
    "storageVolLookupByPath": lambda c, p, v, path: c.storageVolLookupByPath(path),
    "storageVolGetPath": lambda c, p, v, path: v.path(),
}
BLOCK = 100


def cpu_seconds(pid):
    """User + system CPU time of process pid, all its threads (/proc/PID/stat)."""
    fields = open("/proc/%s/stat" % pid).read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def switches(pid):
    """Voluntary context switches of all threads of process pid."""
    total = 0
    for task in os.listdir("/proc/%s/task" % pid):
        try:
            with open("/proc/%s/task/%s/status" % (pid, task)) as f:
                for line in f:
                    if line.startswith("voluntary_ctxt_switches"):
                        total += int(line.split()[1])
        except OSError:
            pass   # a thread that ended meanwhile
    return total


def calls(n, pool_dir, daemons):
    pids, named = {}, []
    for label, uri in daemons:
        label, _, pid = label.partition("@")
        if pid:
            pids[label] = pid
        named.append((label, uri))
    daemons = named
    conns, pools, vols, paths = {}, {}, {}, {}
    for label, uri in daemons:
        conns[label] = connect(uri)
        target = os.path.join(pool_dir, "calls-" + label)
        os.makedirs(target, exist_ok=True)
        pools[label] = conns[label].storagePoolCreateXML(POOL % ("calls-" + label, target), 0)
        vols[label] = pools[label].createXML(VOLUME % "one.qcow2", 0)
        paths[label] = vols[label].path()
    try:
        for name, fn in CALLS.items():
            per_block = {label: [] for label, _ in daemons}
            cost = {label: [0.0, 0] for label, _ in daemons}
            for block in range(1 + max(1, n // BLOCK)):
                for label, _ in daemons:
                    c, p, v, path = conns[label], pools[label], vols[label], paths[label]
                    pid = pids.get(label)
                    before = (cpu_seconds(pid), switches(pid)) if pid else None
                    t0 = time.perf_counter_ns()
                    for _ in range(BLOCK):
                        fn(c, p, v, path)
                    us = (time.perf_counter_ns() - t0) / 1e3 / BLOCK
                    if block > 0:   # the first block warms both up
                        per_block[label].append(us)
                        if before:
                            cost[label][0] += cpu_seconds(pid) - before[0]
                            cost[label][1] += switches(pid) - before[1]
            for label, _ in daemons:
                print("median calls %s %s %.1f" % (name, label, statistics.median(per_block[label])), flush=True)
                timed = BLOCK * len(per_block[label])
                if label in pids:
                    print("daemon %s %s %.1f %.2f" % (name, label, cost[label][0] / timed * 1e6,
                                                       cost[label][1] / timed), flush=True)
    finally:
        for label, _ in daemons:
            try:
                vols[label].delete(0)
                pools[label].destroy()
            except libvirt.libvirtError as e:
                print("cannot remove the pool of %s: %s" % (label, e), file=sys.stderr)
            conns[label].close()


def main(argv):
    if len(argv) >= 4 and argv[0] in ("volumes", "calls"):
        daemons = [tuple(a.split("=", 1)) for a in argv[3:]]
        (volumes if argv[0] == "volumes" else calls)(int(argv[1]), argv[2], daemons)
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])

"""Client side of bench/qemu-vs-libvirtd.sh: times QEMU guest lifecycles through python3-libvirt.

The same code drives jvirtd and libvirtd; only the connection URI differs. Run with /usr/bin/python3
(Debian's python3-libvirt). Subcommands:

  lifecycle XML PREFIX ROUNDS WARMUP LABEL=URI [LABEL=URI ...]
      per round and per daemon (interleaved): define + start until the domain reports running,
      then destroy; prints "warmup|start|destroy LABEL MS" lines. Checks that the guest's QEMU
      process exists while it runs and is gone after destroy.
  start-guests XML PREFIX N URI
      defines and starts N guests PREFIX-1..N; prints "NAME PID" per guest.
  wait-running URI T0_NS GUESTS_FILE TIMEOUT_S
      polls (fresh connections, 10 ms apart) until every guest of GUESTS_FILE ("NAME PID" lines)
      is reported running and its QEMU process is still that PID; prints the milliseconds since
      T0_NS (time.time_ns() of the caller) to that, then to the first connection accepted.
  remove-all URI PREFIX
      destroys and undefines every domain whose name starts with PREFIX (cleanup).
  log-reattach LOG GUESTS_FILE
      jvirtd's own view from its log: milliseconds from the last "QEMU driver active" line to the
      last "reattached" line after it; fails unless every guest of GUESTS_FILE was reattached
      with its recorded PID.
  qemu-pids PREFIX
      prints the PIDs of the QEMU processes of guests named PREFIX* (cleanup of last resort).
"""
import datetime
import os
import re
import sys
import time

import libvirt

RUNNING = libvirt.VIR_DOMAIN_RUNNING
SHUTOFF = libvirt.VIR_DOMAIN_SHUTOFF

# libvirt prints its errors to stderr by default; the callers report what matters
libvirt.registerErrorHandler(lambda ctx, err: None, None)


def guest_xml(template, name):
    with open(template, encoding="utf-8") as f:
        return f.read().replace("@NAME@", name)


def qemu_processes(prefix):
    """{guest name: pid} of the live QEMU processes whose -name guest=... starts with prefix."""
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/cmdline" % entry, "rb") as f:
                argv = f.read().split(b"\0")
            with open("/proc/%s/stat" % entry, "rb") as f:
                state = f.read().rsplit(b")", 1)[1].split()[0]
        except OSError:
            continue
        if state == b"Z" or not argv or b"qemu-system" not in argv[0]:
            continue
        for arg in argv:
            if arg.startswith(b"guest="):
                name = arg[len("guest="):].split(b",")[0].decode()
                if name.startswith(prefix):
                    found[name] = int(entry)
    return found


def await_state(dom, wanted, timeout=60.0):
    end = time.monotonic() + timeout
    while True:
        state = dom.state()[0]
        if state == wanted:
            return
        if time.monotonic() > end:
            raise RuntimeError("%s: state %d, wanted %d" % (dom.name(), state, wanted))
        time.sleep(0.002)


def one_cycle(conn, xml, name):
    """(start ms, destroy ms) of one guest; raises when the daemon or the process misbehaves."""
    t0 = time.perf_counter()
    dom = conn.defineXML(xml)
    dom.create()
    await_state(dom, RUNNING)
    started = (time.perf_counter() - t0) * 1000
    pid = qemu_processes(name).get(name)
    if pid is None:
        raise RuntimeError("%s reported running but no QEMU process has its name" % name)
    time.sleep(1.0)   # let the guest (and the daemon's post-start work) settle before destroy
    t0 = time.perf_counter()
    dom.destroy()
    await_state(dom, SHUTOFF)
    destroyed = (time.perf_counter() - t0) * 1000
    if name in qemu_processes(name):
        raise RuntimeError("%s: QEMU pid %d still alive after destroy" % (name, pid))
    dom.undefine()
    return started, destroyed


def lifecycle(xml_file, prefix, rounds, warmup, targets):
    conns = [(label, libvirt.open(uri)) for label, uri in targets]
    for r in range(warmup + rounds):
        for label, conn in conns:
            name = "%s-%s-%d" % (prefix, label, r)
            started, destroyed = one_cycle(conn, guest_xml(xml_file, name), name)
            if r < warmup:
                print("warmup %s %.1f %.1f" % (label, started, destroyed), flush=True)
            else:
                print("start %s %.1f" % (label, started), flush=True)
                print("destroy %s %.1f" % (label, destroyed), flush=True)
            time.sleep(0.5)
    for _, conn in conns:
        conn.close()


def start_guests(xml_file, prefix, n, uri):
    conn = libvirt.open(uri)
    names = ["%s-%d" % (prefix, i) for i in range(1, n + 1)]
    for name in names:
        dom = conn.defineXML(guest_xml(xml_file, name))
        dom.create()
        await_state(dom, RUNNING)
    pids = qemu_processes(prefix)
    for name in names:
        if name not in pids:
            raise RuntimeError("%s reported running but no QEMU process has its name" % name)
        print("%s %d" % (name, pids[name]))
    conn.close()


def all_running(uri, guests):
    """(connected, all running): a fresh connection's view of the guests; (False, False) while the
    daemon does not answer."""
    try:
        conn = libvirt.open(uri)
    except libvirt.libvirtError:
        return False, False
    try:
        for name in guests:
            if conn.lookupByName(name).state()[0] != RUNNING:
                return True, False
        return True, True
    except libvirt.libvirtError:
        return True, False
    finally:
        try:
            conn.close()
        except libvirt.libvirtError:
            pass


def wait_running(uri, t0_ns, guests_file, timeout):
    with open(guests_file, encoding="utf-8") as f:
        guests = dict((n, int(p)) for n, p in (line.split() for line in f if line.strip()))
    end = time.monotonic() + timeout
    connected_ms = None
    while True:
        connected, running = all_running(uri, guests)
        if connected and connected_ms is None:
            connected_ms = (time.time_ns() - t0_ns) / 1e6
        if running:
            break
        if time.monotonic() > end:
            raise RuntimeError("guests not all reported running within %ds" % timeout)
        time.sleep(0.01)
    elapsed = (time.time_ns() - t0_ns) / 1e6
    now = qemu_processes(os.path.commonprefix(list(guests)))
    for name, pid in guests.items():
        if now.get(name) != pid:
            raise RuntimeError("%s: QEMU pid was %d, now %s" % (name, pid, now.get(name)))
    print("%.1f %.1f" % (elapsed, connected_ms))


def log_reattach(log_file, guests_file):
    with open(guests_file, encoding="utf-8") as f:
        guests = dict((n, int(p)) for n, p in (line.split() for line in f if line.strip()))
    with open(log_file, encoding="utf-8", errors="replace") as f:
        lines = f.read().splitlines()
    starts = [i for i, line in enumerate(lines) if "QEMU driver active" in line]
    if not starts:
        raise RuntimeError("no 'QEMU driver active' line in " + log_file)

    def stamp(line):
        return datetime.datetime.fromisoformat(line.split()[0])

    first = lines[starts[-1]]
    seen, last = {}, None
    for line in lines[starts[-1]:]:
        m = re.search(r"domain '([^']+)' reattached: pid (\d+)", line)
        if m:
            seen[m.group(1)] = int(m.group(2))
            last = line
    for name, pid in guests.items():
        if seen.get(name) != pid:
            raise RuntimeError("%s: log says reattached pid %s, expected %d" % (name, seen.get(name), pid))
    print("%.1f" % ((stamp(last) - stamp(first)).total_seconds() * 1000))


def remove_all(uri, prefix):
    conn = libvirt.open(uri)
    for dom in conn.listAllDomains():
        if dom.name().startswith(prefix):
            if dom.isActive():
                dom.destroy()
            if dom.isPersistent():
                dom.undefine()
    conn.close()


def main(argv):
    cmd, args = argv[1], argv[2:]
    if cmd == "lifecycle":
        targets = [tuple(t.split("=", 1)) for t in args[4:]]
        lifecycle(args[0], args[1], int(args[2]), int(args[3]), targets)
    elif cmd == "start-guests":
        start_guests(args[0], args[1], int(args[2]), args[3])
    elif cmd == "wait-running":
        wait_running(args[0], int(args[1]), args[2], float(args[3]))
    elif cmd == "remove-all":
        remove_all(args[0], args[1])
    elif cmd == "log-reattach":
        log_reattach(args[0], args[1])
    elif cmd == "qemu-pids":
        print(" ".join(str(p) for p in sorted(qemu_processes(args[0]).values())))
    else:
        raise SystemExit("unknown command " + cmd)


if __name__ == "__main__":
    main(sys.argv)

"""Client side of bench/lxc-vs-libvirtd.sh: times container lifecycles through python3-libvirt.

The same code drives jvirtd and libvirtd; only the connection URI differs. Run with /usr/bin/python3
(Debian's python3-libvirt). Subcommands:

  lifecycle XML PREFIX ROUNDS WARMUP LABEL=URI [LABEL=URI ...]
      per round and per daemon (interleaved): define + start until the domain reports running,
      then destroy; prints "warmup|start|destroy LABEL MS" lines. Checks that the container's init
      (the process whose environment has LIBVIRT_LXC_NAME=<name>, which both drivers set) runs
      while the domain is running and is gone after destroy.
  remove-all URI PREFIX
      destroys and undefines every domain whose name starts with PREFIX (cleanup).
  init-pids PREFIX
      prints the PIDs of the containers' inits named PREFIX* (cleanup of last resort).
"""
import os
import sys
import time

import libvirt

RUNNING = libvirt.VIR_DOMAIN_RUNNING
SHUTOFF = libvirt.VIR_DOMAIN_SHUTOFF

libvirt.registerErrorHandler(lambda ctx, err: None, None)


def container_xml(template, name):
    with open(template, encoding="utf-8") as f:
        return f.read().replace("@NAME@", name)


def container_inits(prefix):
    """{container name: pid} of the live processes whose environment names a container PREFIX*."""
    found = {}
    marker = b"LIBVIRT_LXC_NAME="
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/environ" % entry, "rb") as f:
                env = f.read().split(b"\0")
            with open("/proc/%s/stat" % entry, "rb") as f:
                state = f.read().rsplit(b")", 1)[1].split()[0]
        except OSError:
            continue
        if state == b"Z":
            continue
        for var in env:
            if var.startswith(marker):
                name = var[len(marker):].decode(errors="replace")
                if name.startswith(prefix):
                    # the init is the oldest such process (its children inherit the variable)
                    if name not in found or int(entry) < found[name]:
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
    """(start ms, destroy ms) of one container; raises when the daemon or the container misbehaves."""
    t0 = time.perf_counter()
    dom = conn.defineXML(xml)
    dom.create()
    await_state(dom, RUNNING)
    started = (time.perf_counter() - t0) * 1000
    deadline = time.monotonic() + 5
    while name not in container_inits(name):
        if time.monotonic() > deadline:
            raise RuntimeError("%s reported running but no process has LIBVIRT_LXC_NAME=%s" % (name, name))
        time.sleep(0.01)
    time.sleep(1.0)   # let the container (and the daemon's post-start work) settle before destroy
    t0 = time.perf_counter()
    dom.destroy()
    await_state(dom, SHUTOFF)
    destroyed = (time.perf_counter() - t0) * 1000
    left = container_inits(name)
    if name in left:
        raise RuntimeError("%s: init pid %d still alive after destroy" % (name, left[name]))
    dom.undefine()
    return started, destroyed


def lifecycle(xml_file, prefix, rounds, warmup, targets):
    conns = [(label, libvirt.open(uri)) for label, uri in targets]
    for r in range(warmup + rounds):
        for label, conn in conns:
            name = "%s-%s-%d" % (prefix, label, r)
            started, destroyed = one_cycle(conn, container_xml(xml_file, name), name)
            if r < warmup:
                print("warmup %s %.1f %.1f" % (label, started, destroyed), flush=True)
            else:
                print("start %s %.1f" % (label, started), flush=True)
                print("destroy %s %.1f" % (label, destroyed), flush=True)
            time.sleep(0.5)
    for _, conn in conns:
        conn.close()


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
    elif cmd == "remove-all":
        remove_all(args[0], args[1])
    elif cmd == "init-pids":
        print(" ".join(str(p) for p in sorted(container_inits(args[0]).values())))
    else:
        raise SystemExit("unknown command " + cmd)


if __name__ == "__main__":
    main(sys.argv)

"""Client side of bench/esx-vs-libvirt.sh: times the same calls through python3-libvirt against one
vSphere simulator, once through jvirt (jvirtd's ESX driver, reached with libvirt's remote driver)
and once through libvirt's own ESX driver (in this process). Only the connection URI differs.
Run with /usr/bin/python3 (Debian's python3-libvirt); libvirt's ESX driver reads its credentials
from the file LIBVIRT_AUTH_FILE names, jvirtd from its own configuration.

  run ROUNDS LABEL=URI [LABEL=URI ...]
      per connection, one warm-up round (list and dominfo, for the JIT of jvirtd's JVM and the
      sessions), then ROUNDS rounds, interleaved between the connections:
        list     virsh list --all: virConnectListAllDomains, and each domain's ID, name and state
        dominfo  virsh dominfo of every domain: lookup by name, ID, name, UUID, OS type, info,
                 persistent, autostart
        destroy  lookup and destroy of every running domain
        start    lookup and start of every domain destroyed
      checks that every domain runs after start and is shut off after destroy. Prints
      "OP LABEL MS" per round and "median OP LABEL MS" at the end. With ESX_CALLS_URL (the
      simulator proxy's /calls), also "calls OP LABEL N": the SOAP calls that OP made (read and
      reset after each timed operation, outside its time).
"""
import os
import statistics
import sys
import time
import urllib.request

import libvirt

libvirt.registerErrorHandler(lambda ctx, err: None, None)


def timed(fn):
    t0 = time.perf_counter_ns()
    fn()
    return (time.perf_counter_ns() - t0) / 1e6


CALLS_URL = os.environ.get("ESX_CALLS_URL")


def soap_calls():
    """The SOAP calls the proxy counted since the last reading (which resets them); None without it."""
    if not CALLS_URL:
        return None
    text = urllib.request.urlopen(CALLS_URL + "?reset=1").read().decode()
    for line in text.splitlines():
        if line.startswith("total "):
            return int(line.split()[1])
    return None


def list_all(conn):
    out = []
    for d in conn.listAllDomains(0):
        out.append((d.ID(), d.name(), d.state()[0]))
    return out


def dominfo(conn, names):
    for name in names:
        d = conn.lookupByName(name)
        d.ID(), d.name(), d.UUIDString(), d.OSType(), d.info(), d.isPersistent(), d.autostart()


def power(conn, names, on):
    for name in names:
        d = conn.lookupByName(name)
        if on:
            d.create()
        else:
            d.destroy()


def check_state(conn, names, wanted):
    for name in names:
        state = conn.lookupByName(name).state()[0]
        if state != wanted:
            raise SystemExit("%s: state %d, expected %d" % (name, state, wanted))


def run(rounds, daemons):
    conns = {label: libvirt.open(uri) for label, uri in daemons}
    names = {}
    for label, conn in conns.items():
        names[label] = sorted(n for _, n, _ in list_all(conn))
        dominfo(conn, names[label])  # warm-up
        print("domains %s %d" % (label, len(names[label])), flush=True)
    samples = {}
    for _ in range(rounds):
        for label, conn in conns.items():
            n = names[label]
            times = {}
            calls = {}
            soap_calls()
            for op, fn in (("list", lambda: list_all(conn)), ("dominfo", lambda: dominfo(conn, n)),
                           ("destroy", lambda: power(conn, n, False))):
                times[op] = timed(fn)
                calls[op] = soap_calls()
            check_state(conn, n, libvirt.VIR_DOMAIN_SHUTOFF)
            soap_calls()
            times["start"] = timed(lambda: power(conn, n, True))
            calls["start"] = soap_calls()
            check_state(conn, n, libvirt.VIR_DOMAIN_RUNNING)
            for op, ms in times.items():
                samples.setdefault((op, label), []).append(ms)
                print("%s %s %.1f" % (op, label, ms), flush=True)
                if calls[op] is not None:
                    print("calls %s %s %d" % (op, label, calls[op]), flush=True)
    for (op, label), values in samples.items():
        print("median %s %s %.1f" % (op, label, statistics.median(values)))
    for conn in conns.values():
        conn.close()


def main(argv):
    if len(argv) < 3 or argv[0] != "run":
        raise SystemExit(__doc__)
    run(int(argv[1]), [a.split("=", 1) for a in argv[2:]])


if __name__ == "__main__":
    main(sys.argv[1:])

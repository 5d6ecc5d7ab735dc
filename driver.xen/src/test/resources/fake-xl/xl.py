#!/usr/bin/python3
# A stand-in for Xen's xl in the driver's lifecycle tests: what xl 4.17 prints for the commands the
# driver runs (list -v, vcpu-list, domid, info; formats of tools/xl/xl_info.c and xl_vcpu.c), with
# the domains kept in state.json next to this file. It checks the driver's bookkeeping (states,
# events, reattach); that the commands reach libxl is XenLibxlTest's part, with the real xl.
# A domain whose name starts with "fail-unpause" cannot be unpaused. Creating one whose name starts
# with "slow-" writes the file "creating" next to this file, then waits (20 s at most) for a file
# "release" there, so that a test can look at the driver while libxl is creating the domain.
import json, os, re, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
STATE = os.path.join(HERE, "state.json")

def load():
    if os.path.exists(STATE):
        with open(STATE) as f:
            return json.load(f)
    return {"next": 1, "domains": {}}

def save(s):
    with open(STATE + ".tmp", "w") as f:
        json.dump(s, f)
    os.replace(STATE + ".tmp", STATE)

def fail(msg, rc=1):
    sys.stderr.write(msg + "\n")
    sys.exit(rc)

def find(s, domid):
    d = s["domains"].get(str(domid))
    if d is None:
        fail("libxl: error: libxl_domain.c:354:libxl_domain_info: Domain %s:Non-existant domain" % domid)
    return d

def cfg_value(text, key):
    m = re.search(r'^%s\s*=\s*"?([^"\n]*)"?' % key, text, re.M)
    return m.group(1) if m else None

def main(args):
    s = load()
    cmd = args[0]
    rest = args[1:]
    if cmd == "create":
        paused = "-p" in rest
        text = open(rest[-1]).read()
        sys.stderr.write("Parsing config from %s\n" % rest[-1])
        if (cfg_value(text, "name") or "").startswith("slow-"):
            open(os.path.join(HERE, "creating"), "w").close()
            deadline = time.time() + 20
            while not os.path.exists(os.path.join(HERE, "release")) and time.time() < deadline:
                time.sleep(0.05)
            os.remove(os.path.join(HERE, "creating"))
            s = load()
        domid = s["next"]
        s["next"] += 1
        s["domains"][str(domid)] = {"name": cfg_value(text, "name"), "uuid": cfg_value(text, "uuid"),
            "memkib": int(cfg_value(text, "memory")) * 1024, "vcpus": int(cfg_value(text, "vcpus") or 1),
            "flags": "--p---" if paused else "r-----", "pins": {}}
    elif cmd == "domid":
        for domid, d in s["domains"].items():
            if d["name"] == rest[0]:
                print(domid)
                return
        fail("Can't get domid of domain name '%s', maybe this domain does not exist." % rest[0])
    elif cmd in ("pause", "unpause"):
        d = find(s, rest[0])
        if cmd == "unpause" and d["name"].startswith("fail-unpause"):
            sys.stderr.write("libxl: error: libxl_domain.c:629:libxl_domain_unpause: Domain %s:Unpausing domain: "
                             "Device or resource busy\n" % rest[0])
            return
        d["flags"] = "--p---" if cmd == "pause" else "r-----"
    elif cmd == "destroy":
        find(s, rest[0])
        del s["domains"][rest[0]]
    elif cmd == "shutdown":
        find(s, rest[-1])
        del s["domains"][rest[-1]]
    elif cmd == "reboot":
        d = find(s, rest[-1])
        del s["domains"][rest[-1]]
        s["domains"][str(s["next"])] = d
        s["next"] += 1
    elif cmd == "mem-set":
        find(s, rest[0])["memkib"] = int(rest[1].rstrip("k"))
    elif cmd == "mem-max":
        d = find(s, rest[0])
        kib = int(rest[1].rstrip("k"))
        if kib < d["memkib"]:
            # libxl_domain_setmaxmem refuses a maximum below the current target
            fail("libxl: error: libxl_mem.c:89:libxl_domain_setmaxmem: Domain %s:memory_static_max must be "
                 "greater than or equal to memory_dynamic_max\n"
                 "cannot set domid %s static max memory to : %s" % (rest[0], rest[0], rest[1]))
        d["maxkib"] = kib
    elif cmd == "vcpu-pin":
        find(s, rest[0])["pins"][rest[1]] = rest[2]
    elif cmd == "list":
        print("Name                                        ID   Mem VCPUs\tState\tTime(s)"
              "   UUID                            Reason-Code\tSecurity Label")
        ids = [rest[1]] if len(rest) > 1 else sorted(s["domains"], key=int)
        for domid in ids:
            d = find(s, domid)
            print("%-40s %5d %5lu %5d     %s  %8.1f %s %8s %16s" % (d["name"], int(domid), d["memkib"] // 1024,
                  d["vcpus"], d["flags"], 1.5, d["uuid"], "-", "-"))
    elif cmd == "vcpu-list":
        d = find(s, rest[0])
        print("%-32s %5s %5s %5s %5s %9s %s" % ("Name", "ID", "VCPU", "CPU", "State", "Time(s)",
                                                  "Affinity (Hard / Soft)"))
        for v in range(d["vcpus"]):
            print("%-32s %5u %5u%5u %3c%c- %9.1f  %s / all" % (d["name"], int(rest[0]), v, v % 4, "r", "-", 0.5 + v,
                  d["pins"].get(str(v), "all")))
    elif cmd == "info":
        print("host                   : fake\nmachine                : x86_64\nnr_cpus                : 4\n"
              "cores_per_socket       : 2\nthreads_per_core       : 1\ncpu_mhz                : 2400.000\n"
              "total_memory           : 8192\nxen_major              : 4\nxen_minor              : 17\n"
              "xen_extra              : .7\nxen_caps               : xen-3.0-x86_64 hvm-3.0-x86_64")
    else:
        fail("command '%s' not faked" % cmd)
    if cmd not in ("list", "vcpu-list", "info", "domid"):
        save(s)

main(sys.argv[1:])

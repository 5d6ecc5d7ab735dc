#!/usr/bin/env python3
"""Time from starting bin/jvirtd to the first answered `virt:list` (run by hand, not by mvn).

    python3 dist/bench/first-list.py [runs]      (default 5; prints every run and the median)

Each run starts dist/bin/jvirtd with its console on a pipe and a fresh JVIRTD_VAR, types
`virt:list` at every prompt until the answer holds the test domain, then sends SIGTERM and checks
that the script exits with 0. The clock starts just before the process is spawned.
"""
import os, select, signal, statistics, subprocess, sys, tempfile, time

DIST = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ANSWER = b" 1    test   running"


def one_run():
    var = tempfile.mkdtemp(prefix="jvirtd-first-list-")
    # the run directory (RPC sockets) beside the state, not the real /run/jvirt
    env = dict(os.environ, JVIRTD_CONSOLE="yes", JVIRTD_VAR=var, JVIRTD_RUN=os.path.join(var, "run"))
    t0 = time.monotonic()
    p = subprocess.Popen(["sh", os.path.join(DIST, "bin", "jvirtd")], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    out, prompts, answered = b"", 0, None
    try:
        while time.monotonic() - t0 < 120:
            ready, _, _ = select.select([p.stdout], [], [], 0.02)
            if ready:
                chunk = os.read(p.stdout.fileno(), 65536)
                if not chunk:
                    break
                out += chunk
            if ANSWER in out:
                answered = time.monotonic() - t0
                break
            if out.count(b"g! ") > prompts:  # a new prompt: (re)ask until the command is there
                prompts = out.count(b"g! ")
                p.stdin.write(b"virt:list\n")
                p.stdin.flush()
    finally:
        p.send_signal(signal.SIGTERM)
        status = p.wait(60)
    return answered, status


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    times = []
    for n in range(1, runs + 1):
        answered, status = one_run()
        if answered is None:
            sys.exit(f"run {n}: no answer to virt:list (exit {status})")
        print(f"run {n}: first virt:list answered after {answered:.3f} s, exit status {status}")
        times.append(answered)
    print(f"median of {runs}: {statistics.median(times):.3f} s")


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""A shell command through real `virsh console` on a Linux guest whose shell runs on ttyS0.
Prints `<step> ok|FAIL <what virsh printed>` lines.

usage: console_linux.py URI GUEST [acpi]
  acpi: instead, wait for the guest's acpid, then `virsh shutdown` it (ACPI power button)
"""
import os
import pty
import select
import sys
import time

URI, GUEST = sys.argv[1], sys.argv[2]
ENV = dict(os.environ, LC_ALL="C", VIRSH_DEFAULT_CONNECT_URI="")

pid, fd = pty.fork()
if pid == 0:
    os.execvpe("virsh", ["virsh", "-c", URI, "console", GUEST], ENV)
out = b""


def expect(text, timeout, poke=None):
    global out
    end = time.time() + timeout
    last = 0
    while text.encode() not in out and time.time() < end:
        if poke is not None and time.time() - last > 2:
            os.write(fd, poke)
            last = time.time()
        r, _, _ = select.select([fd], [], [], 0.2)
        if r:
            try:
                data = os.read(fd, 65536)
            except OSError:
                break
            if not data:
                break
            out += data
    return text.encode() in out


def report(step, ok):
    print(step, "ok" if ok else "FAIL", repr(out.decode(errors="replace")[-600:]), flush=True)

def wait_for_virsh_end(seconds):
    """Reads the console until virsh exits (the guest ended); its exit code, or None (then killed)."""
    global out
    end = time.time() + seconds
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.2)
        if r:
            try:
                out += os.read(fd, 65536)
            except OSError:
                pass
        p, st = os.waitpid(pid, os.WNOHANG)
        if p:
            return os.waitstatus_to_exitcode(st)
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    return None



report("attached", expect("Escape character is ^]", 30))
if len(sys.argv) > 3 and sys.argv[3] == "acpi":
    import subprocess
    report("shell", expect("# ", 240, poke=b"\r"))
    out = b""
    report("acpid", expect("ACPID-4", 60, poke=b"pidof acpid >/dev/null && echo ACPID-$((2*2))\r"))
    sd = subprocess.run(["virsh", "-c", URI, "shutdown", GUEST], env=ENV, capture_output=True, timeout=60)
    print("shutdown-exit", sd.returncode, repr(sd.stdout + sd.stderr), flush=True)
    report("ended-by-acpi-shutdown", wait_for_virsh_end(120) is not None)
    print("done", flush=True)
    sys.exit(0)
# the shell prompt: press Enter until busybox's sh answers (the kernel boots under TCG meanwhile)
report("shell", expect("# ", 240, poke=b"\r"))
out = b""
os.write(fd, b"echo jvirt-$((6*7))-$(uname -s)\r")
report("command", expect("jvirt-42-Linux", 30))
os.write(fd, b"\x1d")
status = None
end = time.time() + 30
while time.time() < end:
    p, st = os.waitpid(pid, os.WNOHANG)
    if p:
        status = os.waitstatus_to_exitcode(st)
        break
    time.sleep(0.1)
if status is None:
    os.kill(pid, 9)
    os.waitpid(pid, 0)
report("detached", status == 0)

# a guest-initiated power-off ends the guest, and with it the console session (virsh sees the end)
pid, fd = pty.fork()
if pid == 0:
    os.execvpe("virsh", ["virsh", "-c", URI, "console", GUEST], ENV)
out = b""
report("reattached", expect("Escape character is ^]", 30))
report("shell-again", expect("# ", 60, poke=b"\r"))
os.write(fd, b"poweroff -f\r")
report("ended-by-poweroff", wait_for_virsh_end(120) is not None)
print("done", flush=True)

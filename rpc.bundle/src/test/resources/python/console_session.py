#!/usr/bin/python3
"""Drives real `virsh console` sessions under ptys against one running guest and prints one
line per step: `<step> <exit or ok/FAIL> <what virsh printed>` (repr). The guest echoes what it
reads on its serial port in upper case.

usage: console_session.py URI READ_ONLY_URI GUEST
"""
import os
import pty
import select
import subprocess
import sys
import time

URI, RO_URI, GUEST = sys.argv[1], sys.argv[2], sys.argv[3]
ENV = dict(os.environ, LC_ALL="C", VIRSH_DEFAULT_CONNECT_URI="")


class Virsh:
    """virsh console under a pty of its own."""

    def __init__(self, *extra, uri=URI):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execvpe("virsh", ["virsh", "-c", uri, "console", GUEST] + list(extra), ENV)
        self.out = b""
        self.exit = None
        self.eof = False

    def read(self, timeout):
        if self.eof:
            time.sleep(timeout)
            return False
        r, _, _ = select.select([self.fd], [], [], timeout)
        if not r:
            return False
        try:
            data = os.read(self.fd, 4096)
        except OSError:
            data = b""
        if not data:
            self.eof = True
            return False
        self.out += data
        return True

    def expect(self, text, timeout):
        end = time.time() + timeout
        while text.encode() not in self.out and time.time() < end and self.exit is None:
            self.read(0.2)
            self.poll()
        return text.encode() in self.out

    def send(self, data):
        os.write(self.fd, data)

    def poll(self):
        if self.exit is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.exit = os.waitstatus_to_exitcode(status)
        return self.exit

    def wait(self, timeout):
        end = time.time() + timeout
        while self.poll() is None and time.time() < end:
            self.read(0.1)
        if self.exit is None:
            os.kill(self.pid, 9)
            os.waitpid(self.pid, 0)
            self.exit = "killed"
        return self.exit

    def echo(self, word, timeout):
        """Sends word until the guest's upper-case echo shows (QEMU notices a new pty reader
        within a second; what the guest wrote before that is lost)."""
        end = time.time() + timeout
        while time.time() < end and self.poll() is None:
            self.send(word.encode())
            if self.expect(word.upper(), 1.0):
                return True
        return False


def report(step, ok, v):
    print(step, "ok" if ok else "FAIL", repr(v.out.decode(errors="replace")), flush=True)


a = Virsh()
report("a-attached", a.expect("Escape character is ^]", 30), a)
report("a-echo", a.echo("hello", 60), a)

b = Virsh()
b.wait(30)
report("b-refused", b.exit == 1 and "Active console session exists for this domain" in b.out.decode(), b)

c = Virsh("--force")
report("c-attached", c.expect("Escape character is ^]", 30), c)
report("c-echo", c.echo("world", 30), c)
a.wait(30)
report("a-ended", a.exit is not None and a.exit != "killed", a)
print("a-exit", a.exit, flush=True)

c.send(b"\x1d")
report("c-detached", c.wait(30) == 0, c)

d = Virsh()
report("d-attached", d.expect("Escape character is ^]", 30), d)
report("d-echo", d.echo("again", 30), d)
d.send(b"\x1d")
report("d-detached", d.wait(30) == 0, d)

r = Virsh(uri=RO_URI)
r.wait(30)
report("r-refused", r.exit == 1 and "read only access prevents virDomainOpenConsole" in r.out.decode(), r)

# the guest going away ends the console session: virsh sees the end of the stream and exits
e = Virsh()
report("e-attached", e.expect("Escape character is ^]", 30), e)
report("e-echo", e.echo("bye", 30), e)
destroy = subprocess.run(["virsh", "-c", URI, "destroy", GUEST], env=ENV, capture_output=True, timeout=60)
print("destroy-exit", destroy.returncode, repr(destroy.stdout + destroy.stderr), flush=True)
e.wait(30)
report("e-ended-with-guest", e.exit is not None and e.exit != "killed", e)
print("e-exit", e.exit, flush=True)
print("done", flush=True)

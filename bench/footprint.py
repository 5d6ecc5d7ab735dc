#!/usr/bin/python3
"""Footprint and start-up of jvirtd against libvirtd 9.0 (issue 9; run by hand, not by mvn).

    /usr/bin/python3 bench/footprint.py [--rounds N] [--idle S] [--mode test|qemu|both]
                                        [--jvirtd LABEL=DIST_DIR ...] [--threads]

For each mode and round, every daemon is started in turn (jvirtd, libvirtd, jvirtd, ... so that the
load of the machine weighs on both alike) and measured:
  start   seconds from the exec of the daemon until a real client (python3-libvirt: open the URI on
          the daemon's private UNIX socket, listAllDomains) gets its first answer; the client
          polls every 10 ms from the moment of the exec
  cpu     CPU time (user + system, all threads) the daemon's process used until that answer: the
          work done, which the machine's load does not stretch as it stretches "start"
  rss     VmRSS of the daemon's process (jvirtd: its JVM) after S seconds idle (--idle, default 3)
  pss     its proportional set size (/proc/PID/smaps_rollup) at the same moment: the pages it shares
          with other processes (libjvm.so, libc, the JDK's class data archive) count by their share
  dirty   its private dirty memory at the same moment (smaps_rollup Private_Dirty): what it alone
          holds that the kernel cannot drop (file pages read but not written, such as the mapped
          class data archives, are left out)
  threads Threads of the same process at the same moment
then stopped (SIGTERM, SIGKILL after 10 s), by PID. It prints every sample, the medians and the
ratio jvirtd/libvirtd, and the load average before and after.

Modes:
  test  jvirtd (dist/bin/jvirtd, its defaults: every bundle, the QEMU driver included) answering on
        test+unix:///default; libvirtd with no driver module (only its built-in test driver), as
        rpc.bundle's testkit Libvirtd runs it
  qemu  both answering qemu+unix:///system: jvirtd as in "test"; libvirtd with its QEMU driver
        module only (LIBVIRT_DRIVER_DIR), as root, in its own mount namespace (unshare) where a
        tmpfs covers /run/libvirt and temporary folders cover /var and /etc/libvirt, with
        user = group = "root" and no security driver (bench/qemu-vs-libvirtd.sh does the same),
        so it neither reads nor writes the host's libvirt files; copies of /etc/passwd and /etc/group
        there name the user libvirt-qemu, which Debian's libvirtd resolves before reading qemu.conf.
        Needs root.

--jvirtd LABEL=DIST_DIR (repeatable; default jvirtd=<this checkout>/dist) measures several jvirtd
builds in the same run, e.g. an older commit built in a folder of its own
(git archive COMMIT | tar -x -C DIR; mvn -B -o package -pl dist -am -DskipTests there) against the
current one. Not a copy of a dist/ folder: the JVM maps a class data archive (target/jvirtd.jsa) only
for the jar path it was written with, so a copy starts without it. Each jvirtd keeps one temporary
JVIRTD_VAR (state, log, framework cache) and JVIRTD_RUN for all its rounds, as an installed daemon
keeps /var/lib/jvirt and /var/cache/jvirt: its first round fills the framework cache, the later ones
start from it (the medians are of the later ones' kind).
--java-opts LABEL=OPTS sets JAVA_OPTS for that build's jvirtd (a JVM option's effect, measured
against the same build under another label).
--threads prints, once per build (its second round, the first from a filled framework cache), the
names of jvirtd's threads at idle (from /proc/PID/task/*/comm) and the CPU time each thread had used
at the first answer (threads that ended by then are left out): where the start-up's work went
(java: the main thread, JVM and framework; FelixStartLevel: the bundles' start; C1 CompilerThread:
the JIT; VM Thread: GC).
"""
import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile

import libvirt

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIBVIRTD = "/usr/sbin/libvirtd"
DRIVERS = "/usr/lib/x86_64-linux-gnu/libvirt/connection-driver"

libvirt.registerErrorHandler(lambda ctx, err: None, None)   # the polling fails until the daemon is up


def status_field(pid, name):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith(name + ":"):
                return line.split()[1]
    raise RuntimeError("no %s in /proc/%d/status" % (name, pid))


def rollup_mib(pid, name):
    with open("/proc/%d/smaps_rollup" % pid) as f:
        for line in f:
            if line.startswith(name + ":"):
                return int(line.split()[1]) / 1024.0
    raise RuntimeError("no %s in /proc/%d/smaps_rollup" % (name, pid))


def children(pid):
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open("/proc/%s/stat" % entry) as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == pid:
                        found.append(int(entry))
            except (OSError, ValueError, IndexError):
                pass
    return found


def cpu_seconds(pid):
    """User + system CPU time the process has used so far (all its threads)."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def thread_cpu(pid):
    """CPU seconds (user + system) of each live thread of the process, summed by thread name."""
    per = {}
    for tid in os.listdir("/proc/%d/task" % pid):
        try:
            with open("/proc/%d/task/%s/comm" % (pid, tid)) as f:
                name = f.read().strip()
            with open("/proc/%d/task/%s/stat" % (pid, tid)) as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        per[name] = per.get(name, 0.0) + (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return per


def thread_names(pid):
    names = []
    for tid in os.listdir("/proc/%d/task" % pid):
        try:
            with open("/proc/%d/task/%s/comm" % (pid, tid)) as f:
                names.append(f.read().strip())
        except OSError:
            pass
    return sorted(names)


def stop(proc):
    """SIGTERM to the process, SIGKILL after 10 s; returns its exit status."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            return proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
    return proc.wait(10)


class Daemon:
    """One daemon: start() execs it, measured() answers (pid to read /proc from)."""
    label = None
    uri = None

    def start(self):
        raise NotImplementedError

    def ready(self, proc, t0):
        """Seconds from t0 until the daemon answers its first client."""
        return first_answer(self.uri, proc, t0)

    def measured_pid(self, proc):
        return proc.pid

    def cleanup(self, proc):
        stop(proc)


class Jvirtd(Daemon):
    def __init__(self, label, dist, work, mode, java_opts=None):
        self.label, self.dist, self.java_opts = label, dist, java_opts
        self.work = os.path.join(work, label)
        self.run = os.path.join(self.work, "run")
        os.makedirs(self.run)
        scheme = "test+unix:///default" if mode == "test" else "qemu+unix:///system"
        self.uri = "%s?socket=%s/libvirt-sock" % (scheme, self.run)

    def start(self):
        env = dict(os.environ, JVIRTD_CONSOLE="no", JVIRTD_VAR=os.path.join(self.work, "var"),
                   JVIRTD_RUN=self.run)
        if self.java_opts is not None:
            env["JAVA_OPTS"] = self.java_opts
        out = open(os.path.join(self.work, "jvirtd.out"), "ab")
        return subprocess.Popen(["sh", os.path.join(self.dist, "bin", "jvirtd")], stdin=subprocess.DEVNULL,
                                stdout=out, stderr=subprocess.STDOUT, env=env, cwd=self.work)

    def measured_pid(self, proc):
        jvm = [p for p in children(proc.pid)]
        if len(jvm) != 1:
            raise RuntimeError("%s: expected one JVM under the script %d, found %s" % (self.label, proc.pid, jvm))
        return jvm[0]

    def cleanup(self, proc):
        jvm = children(proc.pid)
        status = stop(proc)      # the script passes SIGTERM on to the JVM and waits for it
        for pid in jvm:          # a JVM left behind (should not happen): by its PID
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        if status != 0:
            raise RuntimeError("%s: jvirtd exited with %s after SIGTERM" % (self.label, status))


class Libvirtd(Daemon):
    def __init__(self, work, mode):
        self.label, self.mode = "libvirtd", mode
        self.dir = os.path.join(work, "libvirtd")
        drivers = os.path.join(self.dir, "drivers")
        os.makedirs(drivers)
        with open(os.path.join(self.dir, "libvirtd.conf"), "w") as f:
            f.write('listen_tcp = 0\nlisten_tls = 0\nauth_unix_rw = "none"\nauth_unix_ro = "none"\n'
                    'unix_sock_dir = "%s"\nlog_outputs = "3:file:%s/libvirtd.log"\n' % (self.dir, self.dir))
        if mode == "test":
            self.uri = "test+unix:///default?socket=%s/libvirt-sock" % self.dir
            return
        self.uri = "qemu+unix:///system?socket=%s/libvirt-sock" % self.dir
        os.symlink(os.path.join(DRIVERS, "libvirt_driver_qemu.so"), os.path.join(drivers, "libvirt_driver_qemu.so"))
        var = os.path.join(self.dir, "var")
        for sub in ("lib", "cache", "log", "tmp"):
            os.makedirs(os.path.join(var, sub))
        os.chmod(os.path.join(var, "tmp"), 0o1777)
        os.symlink("/run", os.path.join(var, "run"))
        os.symlink("/run/lock", os.path.join(var, "lock"))
        os.makedirs(os.path.join(self.dir, "etc"))
        with open(os.path.join(self.dir, "etc", "qemu.conf"), "w") as f:
            f.write('user = "root"\ngroup = "root"\nsecurity_driver = "none"\nstdio_handler = "file"\n')
        # Debian's libvirtd resolves its built-in default user libvirt-qemu before it reads qemu.conf:
        # the namespace sees copies of passwd and group that name it (the host's stay as they are)
        for name, entry in (("passwd", "libvirt-qemu:x:64055:64055::/nonexistent:/usr/sbin/nologin"),
                            ("group", "libvirt-qemu:x:64055:")):
            with open("/etc/" + name) as f, open(os.path.join(self.dir, name), "w") as out:
                out.write(f.read().rstrip("\n") + "\n" + entry + "\n")

    def start(self):
        env = dict(os.environ, LIBVIRT_DRIVER_DIR=os.path.join(self.dir, "drivers"))
        argv = [LIBVIRTD, "--config", os.path.join(self.dir, "libvirtd.conf"),
                "--pid-file", os.path.join(self.dir, "libvirtd.pid")]
        if self.mode == "qemu":
            # unshare and sh exec: the process started here becomes libvirtd itself
            script = ('set -e; mount -t tmpfs -o mode=0755 tmpfs /run/libvirt; mount --bind "$1/var" /var; '
                      'mount --bind "$1/etc" /etc/libvirt; mount --bind "$1/passwd" /etc/passwd; '
                      'mount --bind "$1/group" /etc/group; shift; exec "$@"')
            argv = ["unshare", "--mount", "--propagation", "private", "sh", "-c", script, "sh", self.dir] + argv
        out = open(os.path.join(self.dir, "libvirtd.out"), "ab")
        return subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT, env=env)

# Bundles of jvirtd.jar that are not the platform under jvirt: the framework and bnd's launcher (on the
# class path), Gogo (a daemon without console does not start it), and the libraries only jvirt's own
# bundles use
NOT_PLATFORM = ("org.apache.felix.framework", "biz.aQute.launcher", "org.apache.felix.gogo.",
                "com.fasterxml.jackson.", "com.sun.jna")
# jvirt's own bundles that belong to the platform: its logging configuration (fragments of Logback and
# slf4j.api without which those do not start)
JVIRT_PLATFORM = ("org.jvirt.logging", "org.jvirt.logging.binding")


def bundle_name(jar):
    with zipfile.ZipFile(jar) as z:
        for line in z.read("META-INF/MANIFEST.MF").decode().replace("\r\n ", "").replace("\n ", "").splitlines():
            if line.startswith("Bundle-SymbolicName:"):
                return line.split(":", 1)[1].split(";")[0].strip()
    return None


def jvirtd_jvm_options(dist, work):
    """The JVM options and MALLOC_ARENA_MAX dist/bin/jvirtd gives its JVM, from a run of the script
    with a JAVA_HOME whose java only records its arguments: the floor runs under the same options.
    The class data archive options (jvirtd.jsa holds jvirtd's class path) and jvirt's own properties
    are left out."""
    home = os.path.join(work, "record-java")
    os.makedirs(os.path.join(home, "bin"))
    real = os.path.dirname(os.path.dirname(os.path.realpath(shutil.which("java"))))
    shutil.copy(os.path.join(real, "release"), home)
    record = os.path.join(work, "recorded-args")
    with open(os.path.join(home, "bin", "java"), "w") as f:
        f.write('#!/bin/sh\nprintf "%%s\\0" "MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX" "$@" > "%s"\nexit 117\n' % record)
    os.chmod(os.path.join(home, "bin", "java"), 0o755)
    env = dict(os.environ, JAVA_HOME=home, JVIRTD_CONSOLE="no", JVIRTD_VAR=os.path.join(work, "record-var"),
               JVIRTD_RUN=os.path.join(work, "record-run"))
    env.pop("JAVA_OPTS", None)
    subprocess.run(["sh", os.path.join(dist, "bin", "jvirtd")], env=env, check=True, stdin=subprocess.DEVNULL)
    with open(record) as f:
        recorded = f.read().split("\0")[:-1]
    arena, args = recorded[0].split("=", 1)[1], recorded[1:]
    opts = []
    for a in args:
        if a.startswith("-Djvirt."):
            break
        if not (a.startswith("-XX:SharedArchiveFile") or a.startswith("-Xshare") or a.startswith("-Xlog:cds")):
            opts.append(a)
    return opts, arena


class Floor(Daemon):
    """What jvirtd stands on, without jvirt (--floor), under jvirtd's JVM options:
      jvm       a JVM that only sleeps
      felix     Apache Felix with no bundle
      platform  Felix with the bundles jvirtd runs that are not jvirt's: Declarative Services,
                Config Admin, FileInstall, SLF4J and Logback (with jvirt's logging configuration)
    start is the time until bench/floor/BareFelix has started them all."""
    LEVELS = ("jvm", "felix", "platform")

    def __init__(self, level, dist, work, opts, arena):
        self.label = "floor-" + level
        self.level, self.opts, self.arena = level, opts, arena
        self.work = os.path.join(work, self.label)
        os.makedirs(self.work)
        jars = os.path.join(work, "floor-jars")
        classes = os.path.join(work, "floor-classes")
        if not os.path.isdir(jars):
            with zipfile.ZipFile(os.path.join(dist, "target", "jvirtd.jar")) as z:
                for name in z.namelist():
                    if name.startswith("jar/") and name.endswith(".jar"):
                        z.extract(name, jars)
        framework = [os.path.join(jars, "jar", j) for j in sorted(os.listdir(os.path.join(jars, "jar")))
                     if j.startswith("org.apache.felix.framework-")][0]
        if not os.path.isdir(classes):
            subprocess.run(["javac", "-d", classes, "-cp", framework,
                            os.path.join(ROOT, "bench", "floor", "BareFelix.java")], check=True)
        self.classpath = classes + ":" + framework
        self.bundles = []
        if level == "platform":
            for j in sorted(os.listdir(os.path.join(jars, "jar"))):
                path = os.path.join(jars, "jar", j)
                name = bundle_name(path)
                if name and (name in JVIRT_PLATFORM or not (name.startswith("org.jvirt.")
                                                            or name.startswith(NOT_PLATFORM))):
                    self.bundles.append(path)

    def start(self):
        self.ready_file = os.path.join(self.work, "ready")
        if os.path.exists(self.ready_file):
            os.unlink(self.ready_file)
        cache = "-" if self.level == "jvm" else os.path.join(self.work, "cache")
        env = dict(os.environ, MALLOC_ARENA_MAX=self.arena)
        out = open(os.path.join(self.work, "out"), "ab")
        return subprocess.Popen(["java"] + self.opts + ["-cp", self.classpath, "BareFelix", self.ready_file, cache]
                                + self.bundles, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                                env=env, cwd=self.work)

    def ready(self, proc, t0, timeout=120.0):
        while not os.path.exists(self.ready_file):
            if proc.poll() is not None:
                raise RuntimeError("%s exited with %s before it was ready" % (self.label, proc.returncode))
            if time.monotonic() - t0 > timeout:
                raise RuntimeError("%s: not ready after %.0f s" % (self.label, timeout))
            time.sleep(0.01)
        return time.monotonic() - t0

    def cleanup(self, proc):
        proc.kill()     # it holds nothing to save
        proc.wait(10)


def first_answer(uri, proc, t0, timeout=120.0):
    while True:
        try:
            conn = libvirt.open(uri)
            try:
                conn.listAllDomains(0)
                return time.monotonic() - t0
            finally:
                conn.close()
        except libvirt.libvirtError:
            pass
        if proc.poll() is not None:
            raise RuntimeError("%s exited with %s before answering" % (uri, proc.returncode))
        if time.monotonic() - t0 > timeout:
            raise RuntimeError("%s: no answer after %.0f s" % (uri, timeout))
        time.sleep(0.01)


def measure(daemon, idle, want_threads):
    t0 = time.monotonic()
    proc = daemon.start()
    try:
        start = daemon.ready(proc, t0)
        pid = daemon.measured_pid(proc)
        cpu = cpu_seconds(pid)
        per_thread = thread_cpu(pid) if want_threads else None
        time.sleep(idle)
        rss = int(status_field(pid, "VmRSS")) / 1024.0
        pss = rollup_mib(pid, "Pss")
        dirty = rollup_mib(pid, "Private_Dirty")
        threads = int(status_field(pid, "Threads"))
        names = thread_names(pid) if want_threads else None
    finally:
        daemon.cleanup(proc)
    return start, cpu, rss, threads, names, per_thread, pss, dirty


def run_mode(mode, builds, args, work):
    opts = dict(o.split("=", 1) for o in args.java_opts)
    daemons = [Jvirtd(label, dist, os.path.join(work, mode), mode, opts.get(label)) for label, dist in builds]
    daemons.append(Libvirtd(os.path.join(work, mode), mode))
    if args.floor and mode == "test":
        dist = builds[0][1]
        jvm_opts, arena = jvirtd_jvm_options(dist, os.path.join(work, mode))
        print("floor: JVM options of %s/bin/jvirtd: %s (MALLOC_ARENA_MAX=%s)" % (dist, " ".join(jvm_opts), arena))
        daemons += [Floor(level, dist, os.path.join(work, mode), jvm_opts, arena) for level in Floor.LEVELS]
    samples = {d.label: [] for d in daemons}
    for n in range(1, args.rounds + 1):
        for d in daemons:
            # jvirtd's threads in its second round: the first start from the framework cache it filled
            want = args.threads and isinstance(d, Jvirtd) and n == min(2, args.rounds)
            start, cpu, rss, threads, names, per_thread, pss, dirty = measure(d, args.idle, want)
            samples[d.label].append((start, rss, threads, cpu, pss, dirty))
            print("%s round %d %-14s start %.3f s  cpu %.2f s  rss %.1f MiB  pss %.1f MiB  dirty %.1f MiB  threads %d"
                  % (mode, n, d.label, start, cpu, rss, pss, dirty, threads), flush=True)
            if names:
                counts = {}
                for name in names:
                    counts[name] = counts.get(name, 0) + 1
                print("  %s threads at idle: %s" % (d.label, ", ".join(
                    "%s%s" % (k, " x%d" % v if v > 1 else "") for k, v in sorted(counts.items()))))
                busy = sorted(((v, k) for k, v in per_thread.items() if v >= 0.01), reverse=True)
                print("  %s CPU by thread at the first answer (threads still alive): %s" % (
                    d.label, ", ".join("%s %.2f s" % (k, v) for v, k in busy)))
    return samples


def report(mode, samples):
    med = statistics.median
    lv = samples["libvirtd"]
    ref = [med(s[i] for s in lv) for i in range(6)]
    print()
    print("mode %s: medians of %d rounds (ratio: daemon / libvirtd)" % (mode, len(lv)))
    print("%-14s %9s %6s %9s %6s %9s %6s %8s %6s %9s %6s %9s %6s" % (
        "daemon", "start s", "ratio", "cpu s", "ratio", "rss MiB", "ratio", "threads", "ratio", "pss MiB", "ratio",
        "dirty MiB", "ratio"))
    for label, vals in samples.items():
        m = [med(s[i] for s in vals) for i in range(6)]
        print("%-14s %9.3f %6.1f %9.2f %6.1f %9.1f %6.1f %8g %6.1f %9.1f %6.1f %9.1f %6.1f" % (
            label, m[0], m[0] / ref[0], m[3], m[3] / ref[3] if ref[3] else float("nan"), m[1], m[1] / ref[1],
            m[2], m[2] / ref[2], m[4], m[4] / ref[4], m[5], m[5] / ref[5]))


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--idle", type=float, default=3.0)
    p.add_argument("--mode", choices=("test", "qemu", "both"), default="both")
    p.add_argument("--jvirtd", action="append", default=[], metavar="LABEL=DIST_DIR")
    p.add_argument("--java-opts", action="append", default=[], metavar="LABEL=OPTS")
    p.add_argument("--threads", action="store_true")
    p.add_argument("--floor", action="store_true",
                   help="also measure what jvirtd stands on without jvirt (mode test): a JVM, Felix, Felix with DS, "
                        "Config Admin, FileInstall and logging, under the first build's JVM options")
    p.add_argument("--keep", action="store_true", help="keep the temporary folder (logs)")
    args = p.parse_args()
    builds = [tuple(b.split("=", 1)) for b in args.jvirtd] or [("jvirtd", os.path.join(ROOT, "dist"))]
    for label, dist in builds:
        if label == "libvirtd" or not os.path.isfile(os.path.join(dist, "target", "jvirtd.jar")):
            sys.exit("%s: no %s/target/jvirtd.jar (build: mvn -B -o package -pl dist -am -DskipTests)" % (label, dist))
    modes = ("test", "qemu") if args.mode == "both" else (args.mode,)
    if "qemu" in modes and os.geteuid() != 0:
        sys.exit("mode qemu needs root (libvirtd's QEMU driver in a private mount namespace)")
    work = tempfile.mkdtemp(prefix="jvfp.")      # short: socket paths stay < 108 bytes
    load_start = open("/proc/loadavg").read().split()[:3]
    print("host: %d CPUs, load average %s; work folder %s" % (os.cpu_count(), " ".join(load_start), work), flush=True)
    results = {}
    try:
        for mode in modes:
            results[mode] = run_mode(mode, builds, args, work)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    for mode, samples in results.items():
        report(mode, samples)
    print("\nload average at start %s, at end %s" % (" ".join(load_start),
                                                      " ".join(open("/proc/loadavg").read().split()[:3])))


if __name__ == "__main__":
    main()

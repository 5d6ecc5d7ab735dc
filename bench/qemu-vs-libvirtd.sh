#!/bin/bash
# QEMU driver benchmark (issue 3, "Done when"; run by hand as root, not part of mvn verify):
# jvirt's QEMU driver served by jvirtd (dist/bin/jvirtd) against libvirt 9.0's QEMU driver
# (libvirtd), in one run, through the same client (python3-libvirt, qemu+unix:///system?socket=...)
# and the same domain XML (128 MiB, $VCPUS vCPUs, TCG, no disk):
#   1. define + start until the domain reports running   (median of $ROUNDS after one warm-up)
#   2. destroy                                            (median of $ROUNDS)
#   3. N running guests reattached by a new driver instance, for each N of $REATTACH_N,
#      $REATTACH_ROUNDS times each way (median):
#      a. jvirt: driver.qemu updated to its upgrade build (0.1.1) with "update ID file:JAR" on
#         jvirtd's Gogo console; time from typing the command to every guest reported running by a
#         fresh client connection ("jvirtd log": new instance's activation to its last reattach)
#      b. both: the daemon killed with SIGKILL (jvirtd: its JVM) and started again; time from the
#         start to every guest reported running by a fresh client connection
#      Every time the guests must keep their QEMU PIDs; for jvirtd its log must show the new driver
#      instance reattaching those PIDs.
#
# Usage: bench/qemu-vs-libvirtd.sh        (from anywhere; needs qemu-system-x86, libvirt-daemon,
#        libvirt-daemon-driver-qemu, libvirt-clients, python3-libvirt, a JDK 17 and Maven with the
#        project's dependencies downloaded)
# Environment: ROUNDS (5), REATTACH_N ("3 5"), REATTACH_ROUNDS (3), VCPUS (2), BUILD (yes: runs
#        mvn -o package -pl dist -am -DskipTests first; "no" uses the jars in */target),
#        KEEP_WORK (no; "yes" keeps the temporary folder with both daemons' logs).
#
# Both daemons get temporary sockets, configuration and state, all under one mktemp folder:
# libvirtd runs in its own mount namespace (unshare --mount, kept by a "sleep" holder process so that
# a restarted libvirtd finds its guests' status files) where a tmpfs covers /run/libvirt and
# temporary folders cover /var and /etc/libvirt, so it neither reads nor writes the host's libvirt
# files; only its QEMU driver module is loaded (LIBVIRT_DRIVER_DIR). Everything started here
# (guests, daemons) is stopped by PID on exit, also after a failure or Ctrl-C.
set -euo pipefail

ROUNDS=${ROUNDS:-5}
REATTACH_N=${REATTACH_N:-"3 5"}
REATTACH_ROUNDS=${REATTACH_ROUNDS:-3}
VCPUS=${VCPUS:-2}
BUILD=${BUILD:-yes}
PY=/usr/bin/python3
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
HELPER="$ROOT/bench/qemu_vs_libvirtd.py"
. "$ROOT/bench/lib/daemons.sh"
QEMU=/usr/bin/qemu-system-x86_64
PREFIX="jvb$$"                  # every guest's name starts with it (cleanup finds them by it)

for tool in "$QEMU" /usr/sbin/libvirtd unshare nsenter java; do
    command -v "$tool" > /dev/null || { echo "missing: $tool" >&2; exit 2; }
done
[ -f "$LIBVIRT_DRIVERS/libvirt_driver_qemu.so" ] || { echo "missing: libvirt-daemon-driver-qemu" >&2; exit 2; }
"$PY" -c 'import libvirt' || { echo "missing: python3-libvirt" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "run as root (libvirtd's system instance, mount namespace)" >&2; exit 2; }
# libvirtd 9.0's QEMU driver resolves Debian's default user and group before it reads qemu.conf and
# refuses to start without them ("Failed to parse group 'libvirt-qemu'"); libvirt-daemon-system
# creates them, .ci/run only the user
getent group libvirt-qemu > /dev/null || { echo "missing: group libvirt-qemu (groupadd --system libvirt-qemu)" >&2; exit 2; }

WORK=$(mktemp -d /tmp/jvbench.XXXXXX)   # short: QEMU monitor socket paths must stay < 108 bytes
chmod 755 "$WORK"   # run as root, jvirtd starts its guests as libvirt-qemu: they must reach their run folder
JVIRT_SOCK="$WORK/jvirt-sock"
LIBVIRT_SOCK="$WORK/libvirtd/libvirt-sock"
JURI="qemu+unix:///system?socket=$JVIRT_SOCK"
LURI="qemu+unix:///system?socket=$LIBVIRT_SOCK"
MACHINE_CGROUPS_BEFORE=$(ls -d /sys/fs/cgroup/*/machine 2>/dev/null || true)

# --- cleanup: guests first (through their daemon, then by PID), then the daemons, by PID -------
cleanup() {
    status=$?
    trap - EXIT INT TERM
    set +e
    log "cleaning up"
    if [ -S "$JVIRT_SOCK" ] && [ -n "$JVIRTD_PID" ]; then
        timeout 60 "$PY" "$HELPER" remove-all "$JURI" "$PREFIX" 2>/dev/null
    fi
    if [ -S "$LIBVIRT_SOCK" ] && [ -n "$LIBVIRTD_PID" ]; then
        timeout 60 "$PY" "$HELPER" remove-all "$LURI" "$PREFIX" 2>/dev/null
    fi
    for pid in $("$PY" "$HELPER" qemu-pids "$PREFIX"); do
        log "guest QEMU $pid still running: stopping it"
        kill_pid "$pid"
    done
    stop_daemons
    exec 7>&-
    wait 2>/dev/null
    # libvirtd creates its machine partition in each cgroup v1 hierarchy; remove the empty ones it
    # created during this run (rmdir refuses non-empty cgroups)
    for dir in /sys/fs/cgroup/*/machine; do
        case " $MACHINE_CGROUPS_BEFORE " in *" $dir "*) ;; *) rmdir "$dir" 2>/dev/null ;; esac
    done
    [ "$status" = 0 ] || tail_logs
    if [ "${KEEP_WORK:-no}" = yes ]; then
        log "kept $WORK"
    else
        rm -rf "$WORK"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- build -------------------------------------------------------------------------------------
build_jvirtd
UPGRADE_JAR=$(ls "$ROOT"/driver.qemu/target/driver.qemu-*-upgrade.jar 2>/dev/null | head -n 1)
[ -n "$UPGRADE_JAR" ] || { echo "driver.qemu's upgrade jar is missing: run with BUILD=yes" >&2; exit 2; }

# --- the domain ----------------------------------------------------------------------------------
# No USB controller and no balloon: libvirt would add both by default, jvirt's command line has
# neither; with them off both daemons start comparable QEMU processes.
cat > "$WORK/domain.xml" <<XML
<domain type='qemu'>
  <name>@NAME@</name>
  <memory unit='MiB'>128</memory>
  <vcpu>$VCPUS</vcpu>
  <os><type arch='x86_64' machine='pc'>hvm</type></os>
  <devices>
    <emulator>$QEMU</emulator>
    <controller type='usb' model='none'/>
    <memballoon model='none'/>
  </devices>
</domain>
XML

# --- libvirtd 9.0 and jvirtd ---------------------------------------------------------------------
# libvirtd's namespace holder (bench/lib) keeps /run/libvirt with the guests' status files alive
# while libvirtd is killed and started again in it. Its QEMU runs as root without a security
# driver, and jvirtd's console (for "update") reads a FIFO held open on descriptor 7.
qemu_conf() {
    cat > "$WORK/libvirtd/etc/qemu.conf" <<CONF
user = "root"
group = "root"
security_driver = "none"
stdio_handler = "file"
CONF
}
console_fifo() {
    mkfifo "$WORK/console"
    exec 7<> "$WORK/console"
}
console() {     # COMMAND: types it on jvirtd's console and waits for the next prompt
    offset=$(($(wc -c < "$WORK/jvirtd.out") + 1))
    printf '%s\n' "$1" >&7
    for _ in $(seq 1 3000); do
        tail -c +"$offset" "$WORK/jvirtd.out" | grep -q 'g! ' && return 0
        sleep 0.01
    done
    echo "no console prompt after: $1" >&2
    return 1
}
qemu_bundle_id() {
    console "lb -s org.jvirt.driver.qemu" > /dev/null
    tail -n 5 "$WORK/jvirtd.out" | sed -n 's/^ *\([0-9][0-9]*\)|.*org\.jvirt\.driver\.qemu .*/\1/p' | tail -n 1
}

log "work folder $WORK"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
prepare_libvirtd libvirt_driver_qemu.so
qemu_conf
start_libvirtd
prepare_jvirtd "$JVIRT_SOCK"
console_fifo
: > "$WORK/jvirtd.out"
start_jvirtd console
await_socket "$LIBVIRT_SOCK" "$LIBVIRTD_PID" libvirtd
await_socket "$JVIRT_SOCK" "$JVIRTD_PID" jvirtd
log "libvirtd (pid $LIBVIRTD_PID) and jvirtd (pid $JVIRTD_PID) are up"

# --- 1 + 2: lifecycle --------------------------------------------------------------------------
log "lifecycle: 1 warm-up + $ROUNDS rounds, interleaved"
"$PY" "$HELPER" lifecycle "$WORK/domain.xml" "$PREFIX" "$ROUNDS" 1 jvirt="$JURI" libvirtd="$LURI" \
    | tee "$WORK/lifecycle.txt" >&2

# --- 3: reattach ---------------------------------------------------------------------------------
# jvirt: driver.qemu bundle update, and SIGKILL + restart of jvirtd; libvirtd (for comparison):
# SIGKILL + restart. One set of N guests per daemon at a time.
: > "$WORK/reattach.txt"
restart_jvirtd() {
    kill -KILL "$(jvirtd_jvm)"
    wait "$JVIRTD_PID" 2>/dev/null || true
    T0=$(date +%s%N)
    start_jvirtd console
}
restart_libvirtd() {
    kill -KILL "$LIBVIRTD_PID"
    wait "$LIBVIRTD_PID" 2>/dev/null || true
    T0=$(date +%s%N)
    start_libvirtd
}
for n in $REATTACH_N; do
    guests="$WORK/guests-jvirt-$n"
    log "reattach: $n guests through jvirtd"
    "$PY" "$HELPER" start-guests "$WORK/domain.xml" "$PREFIX-j$n-" "$n" "$JURI" > "$guests"
    for _ in $(seq 1 "$REATTACH_ROUNDS"); do
        bid=$(qemu_bundle_id)
        [ -n "$bid" ] || { echo "driver.qemu's bundle id not found on the console" >&2; exit 1; }
        t0=$(date +%s%N)
        console "update $bid file:$UPGRADE_JAR" > /dev/null
        ms=$("$PY" "$HELPER" wait-running "$JURI" "$t0" "$guests" 120)
        drv=$("$PY" "$HELPER" log-reattach "$WORK/jvirtd/var/log/jvirtd.log" "$guests")
        echo "update jvirt $n $ms $drv" | tee -a "$WORK/reattach.txt" >&2

        restart_jvirtd
        ms=$("$PY" "$HELPER" wait-running "$JURI" "$T0" "$guests" 180)
        drv=$("$PY" "$HELPER" log-reattach "$WORK/jvirtd/var/log/jvirtd.log" "$guests")
        echo "sigkill jvirt $n $ms $drv" | tee -a "$WORK/reattach.txt" >&2
    done
    "$PY" "$HELPER" remove-all "$JURI" "$PREFIX-j$n-"      # through the last new instance

    guests="$WORK/guests-libvirtd-$n"
    log "reattach: $n guests through libvirtd"
    "$PY" "$HELPER" start-guests "$WORK/domain.xml" "$PREFIX-l$n-" "$n" "$LURI" > "$guests"
    for _ in $(seq 1 "$REATTACH_ROUNDS"); do
        restart_libvirtd
        ms=$("$PY" "$HELPER" wait-running "$LURI" "$T0" "$guests" 180)
        echo "sigkill libvirtd $n $ms -" | tee -a "$WORK/reattach.txt" >&2
    done
    "$PY" "$HELPER" remove-all "$LURI" "$PREFIX-l$n-"
    left=$("$PY" "$HELPER" qemu-pids "$PREFIX-")
    [ -z "$left" ] || { echo "guests still running after destroy: $left" >&2; exit 1; }
done

# --- report --------------------------------------------------------------------------------------
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
"$PY" - "$WORK/lifecycle.txt" "$WORK/reattach.txt" "$ROUNDS" "$REATTACH_ROUNDS" "$VCPUS" \
    "$LOAD_START" "$LOAD_END" "$(nproc)" <<'PY'
import statistics, sys
life, reat, rounds, rrounds, vcpus, load_start, load_end, cpus = sys.argv[1:9]
med = statistics.median
samples = {}
for line in open(life):
    kind, label, *vals = line.split()
    if kind != "warmup":
        samples.setdefault((kind, label), []).append(float(vals[0]))
reattach = {}
for line in open(reat):
    how, label, n, running, connected, driver = line.split()
    reattach.setdefault((how, label, int(n)), []).append((running, connected, driver))
rows = []
def row(title, j, l):
    rows.append((title, "%.1f" % j if j is not None else "-", "%.1f" % l if l is not None else "-",
                 "%.2f" % (j / l) if j is not None and l is not None else "-"))
for kind, title in (("start", "define + start to running (median of %s)" % rounds),
                    ("destroy", "destroy (median of %s)" % rounds)):
    row(title, med(samples[(kind, "jvirt")]), med(samples[(kind, "libvirtd")]))
for n in sorted({n for (_, _, n) in reattach}):
    def m(how, label, i):
        vals = reattach.get((how, label, n))
        return med(float(v[i]) for v in vals) if vals else None
    row("reattach %d: driver.qemu update, to all running" % n, m("update", "jvirt", 0), None)
    row("reattach %d: driver.qemu update, jvirtd log" % n, m("update", "jvirt", 2), None)
    row("reattach %d: SIGKILL + restart, to all running" % n, m("sigkill", "jvirt", 0), m("sigkill", "libvirtd", 0))
    row("reattach %d: SIGKILL + restart, to first connection" % n, m("sigkill", "jvirt", 1), m("sigkill", "libvirtd", 1))
    row("reattach %d: SIGKILL + restart, jvirtd log" % n, m("sigkill", "jvirt", 2), None)
w = max(len(r[0]) for r in rows)
print()
print("QEMU driver: jvirt (dist/bin/jvirtd) vs libvirt 9.0 (libvirtd); same client (python3-libvirt,")
print("qemu+unix:///system?socket=...), same domain XML (TCG, 128 MiB, %s vCPUs, no disk)" % vcpus)
print("host: %s CPUs, load average %s at start, %s at end" % (cpus, load_start, load_end))
print("%-*s %10s %12s %7s" % (w, "measurement", "jvirt ms", "libvirtd ms", "ratio"))
for r in rows:
    print("%-*s %10s %12s %7s" % (w, *r))
print("reattach N: N running guests taken over by a new driver instance, median of %s; \"to all running\"" % rrounds)
print("from the update command / daemon start until a fresh connection reports every guest running with")
print("its QEMU PID unchanged; \"jvirtd log\": new driver instance's activation to its last reattach.")
print()
print("samples (ms):")
for (kind, label), vals in sorted(samples.items()):
    print("  %-8s %-9s %s" % (kind, label, " ".join("%.1f" % v for v in vals)))
for (how, label, n), vals in sorted(reattach.items()):
    print("  %-8s %-9s N=%d  %s" % (how, label, n, " ".join(
        "%s (connect %s%s)" % (r, c, "" if d == "-" else ", log " + d) for r, c, d in vals)))
PY

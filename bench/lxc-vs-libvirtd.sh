#!/bin/bash
# LXC driver benchmark (issue 10, section 4; run by hand as root, not part of mvn verify):
# jvirt's LXC driver served by jvirtd (dist/bin/jvirtd) against libvirt 9.0's own LXC driver
# (libvirtd with libvirt-daemon-driver-lxc), in one run, through the same client (python3-libvirt,
# lxc+unix:///system?socket=...), the same domain XML and the same busybox-static root folder:
#   1. define + start until the domain reports running   (median of $ROUNDS after one warm-up)
#   2. destroy until it reports shut off                  (median of $ROUNDS)
# Rounds alternate between the daemons. Each cycle checks that the container's init runs while the
# domain runs and is gone after destroy.
#
# Usage: bench/lxc-vs-libvirtd.sh   (needs lxc, busybox-static, libvirt-daemon,
#        libvirt-daemon-driver-lxc, python3-libvirt, a JDK 17 and Maven with the project's
#        dependencies downloaded)
# Environment: ROUNDS (5), BUILD (yes: runs mvn -o package -pl dist -am -DskipTests first; "no"
#        uses dist/target/jvirtd.jar), KEEP_WORK (no; "yes" keeps the temporary folder and logs),
#        LIBVIRTD_CGROUP2 (hide; "keep" leaves libvirtd the host's cgroup layout).
#
# On a hybrid cgroup host whose cgroup2 (/sys/fs/cgroup/unified) has no controllers, libvirt 9.0's
# libvirt_lxc fails every start with "Failure in libvirt_lxc startup: Unable to create directory
# /sys/fs/cgroup/unified: No such file or directory" (lxc_container.c binds the host's cgroup mounts
# into the container, virCgroupV2BindMount on a cgroup2 mount with no controllers). So libvirtd's
# mount namespace unmounts that empty cgroup2 (LIBVIRTD_CGROUP2=hide): libvirt then sees the v1
# controllers only, the ones jvirt's driver uses on such a host; the host keeps its mounts.
#
# Both daemons get temporary sockets, configuration and state under one mktemp folder. libvirtd
# runs in its own mount namespace (unshare --mount) where a tmpfs covers /run/libvirt and temporary
# folders cover /var and /etc/libvirt, so it neither reads nor writes the host's libvirt files; only
# its LXC driver module is loaded (LIBVIRT_DRIVER_DIR), with security_driver "none" (jvirt has no
# security driver either). Everything started here is stopped by PID on exit, also after a failure.
set -euo pipefail

ROUNDS=${ROUNDS:-5}
BUILD=${BUILD:-yes}
LIBVIRTD_CGROUP2=${LIBVIRTD_CGROUP2:-hide}
PY=/usr/bin/python3
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
HELPER="$ROOT/bench/lxc_vs_libvirtd.py"
. "$ROOT/bench/lib/daemons.sh"
PREFIX="jvl$$"                  # every container's name starts with it (cleanup finds them by it)

for tool in /usr/sbin/libvirtd lxc-start unshare nsenter java /bin/busybox; do
    command -v "$tool" > /dev/null || { echo "missing: $tool" >&2; exit 2; }
done
[ -f "$LIBVIRT_DRIVERS/libvirt_driver_lxc.so" ] || { echo "missing: libvirt-daemon-driver-lxc" >&2; exit 2; }
"$PY" -c 'import libvirt' || { echo "missing: python3-libvirt" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "run as root (containers, mount namespace)" >&2; exit 2; }

WORK=$(mktemp -d /tmp/jvlxc.XXXXXX)
chmod 755 "$WORK"
JVIRT_SOCK="$WORK/jvirt-sock"
LIBVIRT_SOCK="$WORK/libvirtd/libvirt-sock"
JURI="lxc+unix:///system?socket=$JVIRT_SOCK"
LURI="lxc+unix:///system?socket=$LIBVIRT_SOCK"
MACHINE_CGROUPS_BEFORE=$(ls -d /sys/fs/cgroup/*/machine 2>/dev/null || true)

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
    for pid in $("$PY" "$HELPER" init-pids "$PREFIX"); do
        log "container init $pid still running: stopping it"
        kill_pid "$pid"
    done
    stop_daemons
    # the lxcfs jvirt's driver started for its containers' /proc/meminfo outlives jvirtd by design
    if [ -f "$WORK/jvirtd/run/lxcfs.pid" ]; then
        kill_pid "$(cat "$WORK/jvirtd/run/lxcfs.pid")"
        umount -l "$WORK/jvirtd/run/lxcfs" 2>/dev/null
    fi
    wait 2>/dev/null
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

build_jvirtd

# --- the root folder and the domain -------------------------------------------------------------
rootfs="$WORK/rootfs"
mkdir -p "$rootfs/bin" "$rootfs/proc" "$rootfs/sys" "$rootfs/dev" "$rootfs/tmp" "$rootfs/etc" "$rootfs/sbin"
cp /bin/busybox "$rootfs/bin/busybox"
for applet in $(/bin/busybox --list); do [ -e "$rootfs/bin/$applet" ] || ln -s busybox "$rootfs/bin/$applet"; done
chmod 755 "$rootfs"
cat > "$WORK/domain.xml" <<XML
<domain type='lxc'>
  <name>@NAME@</name>
  <memory unit='MiB'>64</memory>
  <os>
    <type>exe</type>
    <init>/bin/sh</init>
    <initarg>-c</initarg>
    <initarg>trap 'exit 0' TERM; while :; do sleep 1; done</initarg>
  </os>
  <devices>
    <filesystem type='mount'>
      <source dir='$rootfs'/>
      <target dir='/'/>
    </filesystem>
    <console type='pty'/>
  </devices>
</domain>
XML

log "work folder $WORK"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
# --- libvirtd 9.0 with its LXC driver (security driver none); jvirtd -----------------------------
if [ "$LIBVIRTD_CGROUP2" = hide ] && mountpoint -q /sys/fs/cgroup/unified; then
    LIBVIRTD_NS_EXTRA="umount /sys/fs/cgroup/unified"
fi
prepare_libvirtd libvirt_driver_lxc.so
printf 'security_driver = "none"\n' > "$WORK/libvirtd/etc/lxc.conf"
start_libvirtd
prepare_jvirtd "$JVIRT_SOCK"
start_jvirtd
await_socket "$LIBVIRT_SOCK" "$LIBVIRTD_PID" libvirtd
await_socket "$JVIRT_SOCK" "$JVIRTD_PID" jvirtd
log "libvirtd (pid $LIBVIRTD_PID) and jvirtd (pid $JVIRTD_PID) are up"

log "lifecycle: 1 warm-up + $ROUNDS rounds, interleaved"
"$PY" "$HELPER" lifecycle "$WORK/domain.xml" "$PREFIX" "$ROUNDS" 1 jvirt="$JURI" libvirtd="$LURI" \
    | tee "$WORK/lifecycle.txt" >&2
left=$("$PY" "$HELPER" init-pids "$PREFIX")
[ -z "$left" ] || { echo "containers still running after destroy: $left" >&2; exit 1; }

LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
"$PY" - "$WORK/lifecycle.txt" "$ROUNDS" "$LOAD_START" "$LOAD_END" "$(nproc)" <<'PY'
import statistics, sys
life, rounds, load_start, load_end, cpus = sys.argv[1:6]
samples = {}
for line in open(life):
    kind, label, *vals = line.split()
    if kind != "warmup":
        samples.setdefault((kind, label), []).append(float(vals[0]))
rows = []
for kind, title in (("start", "define + start to running (median of %s)" % rounds),
                    ("destroy", "destroy to shut off (median of %s)" % rounds)):
    j, l = statistics.median(samples[(kind, "jvirt")]), statistics.median(samples[(kind, "libvirtd")])
    rows.append((title, "%.1f" % j, "%.1f" % l, "%.2f" % (j / l)))
w = max(len(r[0]) for r in rows)
print()
print("LXC driver: jvirt (dist/bin/jvirtd) vs libvirt 9.0 (libvirtd + libvirt_driver_lxc); same client")
print("(python3-libvirt, lxc+unix:///system?socket=...), same domain XML and busybox root folder")
print("host: %s CPUs, load average %s at start, %s at end" % (cpus, load_start, load_end))
print("%-*s %10s %12s %7s" % (w, "measurement", "jvirt ms", "libvirtd ms", "ratio"))
for r in rows:
    print("%-*s %10s %12s %7s" % (w, *r))
print()
print("samples (ms):")
for (kind, label), vals in sorted(samples.items()):
    print("  %-8s %-9s %s" % (kind, label, " ".join("%.1f" % v for v in vals)))
PY

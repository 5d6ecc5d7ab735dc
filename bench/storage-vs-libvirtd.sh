#!/bin/bash
# Storage benchmark (issue 11; run by hand as root, not part of mvn verify): jvirt's storage driver
# served by jvirtd (dist/bin/jvirtd) against libvirt 9.0's storage driver (libvirtd), in one run,
# through the same client (python3-libvirt, storage+unix:///system?socket=...): a transient dir pool per
# daemon, then N (100) qcow2 volumes of 1 GiB created one by one (both daemons run the same qemu-img
# command line), then deleted one by one (each after a GetPath call: the daemon's cost of a call that
# does no work), interleaved between the daemons. Prints every call's time,
# the medians and the ratio jvirt / libvirtd per operation. Then CALLS (2000) calls of each of a few
# cheap procedures (a version, lookups, GetPath) per daemon, interleaved in blocks: wall microseconds
# per call, and the daemon's own CPU time and voluntary context switches per call (/proc, all its
# threads), which a loaded machine stretches far less than the wall time.
#
# Usage: bench/storage-vs-libvirtd.sh   (needs qemu-utils, libvirt-daemon, libvirt-daemon-driver-storage,
#        python3-libvirt, a JDK 17 and Maven with the project's dependencies)
# Environment: N (100), CALLS (2000; 0 skips them), BUILD (yes: mvn -o package -pl dist -am
#        -DskipTests first; "no" uses dist/target), KEEP_WORK (no).
#
# Both daemons get temporary sockets, configuration and state under one mktemp folder; libvirtd runs
# in its own mount namespace (tmpfs on /run/libvirt, temporary /var and /etc/libvirt) with only its
# storage driver module (as bench/qemu-vs-libvirtd.sh does with the QEMU driver). Everything started here is
# stopped by PID on exit.
set -euo pipefail

N=${N:-100}
CALLS=${CALLS:-2000}
BUILD=${BUILD:-yes}
PY=/usr/bin/python3
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
HELPER="$ROOT/bench/storage_vs_libvirtd.py"
. "$ROOT/bench/lib/daemons.sh"

for tool in qemu-img /usr/sbin/libvirtd unshare nsenter java; do
    command -v "$tool" > /dev/null || { echo "missing: $tool" >&2; exit 2; }
done
"$PY" -c 'import libvirt' || { echo "missing: python3-libvirt" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "run as root (libvirtd's system instance, mount namespace)" >&2; exit 2; }

WORK=$(mktemp -d /tmp/jvstor.XXXXXX)
chmod 755 "$WORK"
JVIRT_SOCK="$WORK/jvirt-sock"
LIBVIRT_SOCK="$WORK/libvirtd/libvirt-sock"
JURI="storage+unix:///system?socket=$JVIRT_SOCK"
LURI="storage+unix:///system?socket=$LIBVIRT_SOCK"
cleanup() {
    status=$?
    trap - EXIT INT TERM
    set +e
    stop_daemons
    wait 2>/dev/null
    [ "$status" = 0 ] || tail_logs
    if [ "${KEEP_WORK:-no}" = yes ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

build_jvirtd

# --- libvirtd 9.0 in its own mount namespace, storage driver only; jvirtd ---------------------
prepare_libvirtd libvirt_driver_storage.so
start_libvirtd
prepare_jvirtd "$JVIRT_SOCK"
start_jvirtd

await_socket "$LIBVIRT_SOCK" "$LIBVIRTD_PID" libvirtd
await_socket "$JVIRT_SOCK" "$JVIRTD_PID" jvirtd
log "libvirtd (pid $LIBVIRTD_PID) and jvirtd (pid $JVIRTD_PID) are up; load $(cut -d' ' -f1-3 /proc/loadavg)"

mkdir -p "$WORK/pools"
"$PY" "$HELPER" volumes "$N" "$WORK/pools" jvirt="$JURI" libvirtd="$LURI" > "$WORK/volumes.txt"
grep '^median' "$WORK/volumes.txt"
for op in create path delete; do
    j=$(awk -v op="$op" '$1 == "median" && $2 == op && $3 == "jvirt" {print $4}' "$WORK/volumes.txt")
    l=$(awk -v op="$op" '$1 == "median" && $2 == op && $3 == "libvirtd" {print $4}' "$WORK/volumes.txt")
    awk -v op="$op" -v j="$j" -v l="$l" 'BEGIN { printf "ratio %s jvirt/libvirtd %.2f\n", op, j / l }'
done
if [ "$CALLS" -gt 0 ]; then
    "$PY" "$HELPER" calls "$CALLS" "$WORK/pools" "jvirt@$(jvirtd_jvm)=$JURI" "libvirtd@$LIBVIRTD_PID=$LURI" \
        > "$WORK/calls.txt"
    awk '$1 == "median" && $2 == "calls" { us[$3 " " $4] = $5; procs[$3] = 1 }
        $1 == "daemon" { cpu[$2 " " $3] = $4; sw[$2 " " $3] = $5 }
        END { for (p in procs) printf "calls %-24s wall jvirt %6.1f us libvirtd %6.1f us ratio %.2f | daemon cpu jvirt %5.1f us libvirtd %5.1f us ratio %.2f | switches %.2f %.2f\n",
              p, us[p " jvirt"], us[p " libvirtd"], us[p " jvirt"] / us[p " libvirtd"],
              cpu[p " jvirt"], cpu[p " libvirtd"], cpu[p " jvirt"] / cpu[p " libvirtd"], sw[p " jvirt"], sw[p " libvirtd"] }' \
        "$WORK/calls.txt" | sort
fi
log "done; load $(cut -d' ' -f1-3 /proc/loadavg)"

#!/bin/bash
# Storage benchmark (issue 11; run by hand as root, not part of mvn verify): jvirt's storage driver
# served by jvirtd (dist/bin/jvirtd) against libvirt 9.0's storage driver (libvirtd), in one run,
# through the same client (python3-libvirt, storage+unix:///system?socket=...): a transient dir pool per
# daemon, then N (100) qcow2 volumes of 1 GiB created one by one (both daemons run the same qemu-img
# command line), then deleted one by one, interleaved between the daemons. Prints every call's time,
# the medians and the ratio jvirt / libvirtd per operation.
#
# Usage: bench/storage-vs-libvirtd.sh   (needs qemu-utils, libvirt-daemon, libvirt-daemon-driver-storage,
#        python3-libvirt, a JDK 17 and Maven with the project's dependencies)
# Environment: N (100), BUILD (yes: mvn -o package -pl dist -am -DskipTests first; "no" uses dist/target),
#        KEEP_WORK (no).
#
# Both daemons get temporary sockets, configuration and state under one mktemp folder; libvirtd runs
# in its own mount namespace (tmpfs on /run/libvirt, temporary /var and /etc/libvirt) with only its
# storage driver module (as bench/qemu-vs-libvirtd.sh does with the QEMU driver). Everything started here is
# stopped by PID on exit.
set -euo pipefail

N=${N:-100}
BUILD=${BUILD:-yes}
PY=/usr/bin/python3
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
HELPER="$ROOT/bench/storage_vs_libvirtd.py"
LIBVIRT_DRIVERS=/usr/lib/x86_64-linux-gnu/libvirt/connection-driver

for tool in qemu-img /usr/sbin/libvirtd unshare nsenter java; do
    command -v "$tool" > /dev/null || { echo "missing: $tool" >&2; exit 2; }
done
for so in libvirt_driver_storage.so; do
    [ -f "$LIBVIRT_DRIVERS/$so" ] || { echo "missing: $LIBVIRT_DRIVERS/$so" >&2; exit 2; }
done
"$PY" -c 'import libvirt' || { echo "missing: python3-libvirt" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "run as root (libvirtd's system instance, mount namespace)" >&2; exit 2; }

WORK=$(mktemp -d /tmp/jvstor.XXXXXX)
chmod 755 "$WORK"
JVIRT_SOCK="$WORK/jvirt-sock"
LIBVIRT_SOCK="$WORK/libvirtd/libvirt-sock"
JURI="storage+unix:///system?socket=$JVIRT_SOCK"
LURI="storage+unix:///system?socket=$LIBVIRT_SOCK"
JVIRTD_PID=""
LIBVIRTD_PID=""
NS_HOLDER_PID=""

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
kill_pid() {    # PID: SIGTERM, up to 10 s, then SIGKILL
    [ -n "$1" ] || return 0
    kill -TERM "$1" 2>/dev/null || return 0
    for _ in $(seq 1 100); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
    kill -KILL "$1" 2>/dev/null || true
}
cleanup() {
    status=$?
    trap - EXIT INT TERM
    set +e
    jvm=""
    [ -n "$JVIRTD_PID" ] && jvm=$(ps -o pid= --ppid "$JVIRTD_PID" 2>/dev/null | tr -d ' ' | head -n 1)
    kill_pid "$JVIRTD_PID"
    kill_pid "$jvm"
    kill_pid "$LIBVIRTD_PID"
    kill_pid "$NS_HOLDER_PID"
    wait 2>/dev/null
    if [ "$status" != 0 ]; then
        for f in "$WORK"/jvirtd.err "$WORK"/libvirtd.out; do
            [ -f "$f" ] && { echo "--- tail of $f" >&2; tail -n 20 "$f" >&2; }
        done
    fi
    if [ "${KEEP_WORK:-no}" = yes ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ "$BUILD" = yes ]; then
    log "building jvirtd (mvn -B -q -o package -pl dist -am -DskipTests)"
    (cd "$ROOT" && mvn -B -q -o package -pl dist -am -DskipTests -Djvirt.baseline.skip=true) >&2
fi
[ -f "$ROOT/dist/target/jvirtd.jar" ] || { echo "dist/target/jvirtd.jar is missing: run with BUILD=yes" >&2; exit 2; }

# --- libvirtd 9.0 in its own mount namespace, storage driver only ------------------------------
lv="$WORK/libvirtd"
mkdir -p "$lv/drivers" "$lv/etc" "$lv/var/lib" "$lv/var/cache" "$lv/var/log" "$lv/var/tmp"
chmod 1777 "$lv/var/tmp"
ln -s /run "$lv/var/run"
ln -s /run/lock "$lv/var/lock"
ln -s "$LIBVIRT_DRIVERS/libvirt_driver_storage.so" "$lv/drivers/"
cat > "$lv/libvirtd.conf" <<CONF
listen_tcp = 0
listen_tls = 0
unix_sock_dir = "$lv"
auth_unix_rw = "none"
auth_unix_ro = "none"
CONF
cat > "$lv/ns.sh" <<SH
set -e
mount -t tmpfs -o mode=0755 tmpfs /run/libvirt
mount --bind "$lv/var" /var
mount --bind "$lv/etc" /etc/libvirt
touch "$lv/ns-ready"
exec sleep infinity
SH
unshare --mount --propagation private sh "$lv/ns.sh" > "$WORK/namespace.out" 2>&1 < /dev/null &
NS_HOLDER_PID=$!
for _ in $(seq 1 100); do [ -e "$lv/ns-ready" ] && break; sleep 0.05; done
[ -e "$lv/ns-ready" ] || { cat "$WORK/namespace.out" >&2; exit 1; }
LIBVIRT_DRIVER_DIR="$lv/drivers" nsenter -t "$NS_HOLDER_PID" -m \
    /usr/sbin/libvirtd --config "$lv/libvirtd.conf" --pid-file "$lv/libvirtd.pid" \
    >> "$WORK/libvirtd.out" 2>&1 < /dev/null &
LIBVIRTD_PID=$!

# --- jvirtd ----------------------------------------------------------------------------------------
mkdir -p "$WORK/jvirtd/etc" "$WORK/jvirtd/var"
cp "$ROOT"/dist/etc/* "$WORK/jvirtd/etc/"
printf 'unix.sock.rw.path = %s\n' "$JVIRT_SOCK" > "$WORK/jvirtd/etc/org.jvirt.rpc.cfg"
(cd "$WORK/jvirtd" && JVIRTD_VAR="$WORK/jvirtd/var" JVIRTD_ETC="$WORK/jvirtd/etc" JVIRTD_RUN="$WORK/jvirtd/run" \
    exec "$ROOT/dist/bin/jvirtd" < /dev/null >> "$WORK/jvirtd.out" 2>> "$WORK/jvirtd.err") &
JVIRTD_PID=$!

await_socket() {    # PATH PID NAME
    for _ in $(seq 1 1200); do
        [ -S "$1" ] && return 0
        kill -0 "$2" 2>/dev/null || { echo "$3 exited" >&2; return 1; }
        sleep 0.05
    done
    echo "$3: no socket $1 after 60 s" >&2
    return 1
}
await_socket "$LIBVIRT_SOCK" "$LIBVIRTD_PID" libvirtd
await_socket "$JVIRT_SOCK" "$JVIRTD_PID" jvirtd
log "libvirtd (pid $LIBVIRTD_PID) and jvirtd (pid $JVIRTD_PID) are up; load $(cut -d' ' -f1-3 /proc/loadavg)"

mkdir -p "$WORK/pools"
"$PY" "$HELPER" volumes "$N" "$WORK/pools" jvirt="$JURI" libvirtd="$LURI" > "$WORK/volumes.txt"
grep '^median' "$WORK/volumes.txt"
for op in create delete; do
    j=$(awk -v op="$op" '$1 == "median" && $2 == op && $3 == "jvirt" {print $4}' "$WORK/volumes.txt")
    l=$(awk -v op="$op" '$1 == "median" && $2 == op && $3 == "libvirtd" {print $4}' "$WORK/volumes.txt")
    awk -v op="$op" -v j="$j" -v l="$l" 'BEGIN { printf "ratio %s jvirt/libvirtd %.2f\n", op, j / l }'
done
log "done; load $(cut -d' ' -f1-3 /proc/loadavg)"

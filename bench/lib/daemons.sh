# Shared by the bench/*-vs-libvirt*.sh scripts (sourced, bash): logging, stopping by PID, building
# and starting jvirtd (dist/bin/jvirtd) with its configuration in a temporary folder, and libvirtd
# 9.0 in a mount namespace of its own with only the driver modules a benchmark names. The caller
# sets ROOT (the repository), WORK (its mktemp folder) and BUILD (yes|no) before it calls these;
# they set JVIRTD_PID, LIBVIRTD_PID and NS_HOLDER_PID, which stop_daemons stops.
#
# libvirtd's namespace: a tmpfs covers /run/libvirt and folders under $WORK/libvirtd cover /var and
# /etc/libvirt, so libvirtd neither reads nor writes the host's libvirt files; LIBVIRT_DRIVER_DIR
# holds links to the named modules only. Its socket is $WORK/libvirtd/libvirt-sock.

LIBVIRT_DRIVERS=/usr/lib/x86_64-linux-gnu/libvirt/connection-driver
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

# the JVM dist/bin/jvirtd started (its child)
jvirtd_jvm() { [ -n "$JVIRTD_PID" ] && ps -o pid= --ppid "$JVIRTD_PID" 2>/dev/null | tr -d ' ' | head -n 1; }

stop_daemons() {    # jvirtd and its JVM, libvirtd, the namespace holder; by PID
    local jvm
    jvm=$(jvirtd_jvm)
    kill_pid "$JVIRTD_PID"
    kill_pid "$jvm"
    kill_pid "$LIBVIRTD_PID"
    kill_pid "$NS_HOLDER_PID"
}

tail_logs() {    # the daemons' logs, after a failure
    local f
    for f in "$WORK"/jvirtd.err "$WORK"/libvirtd.out; do
        [ -f "$f" ] && { echo "--- tail of $f" >&2; tail -n 20 "$f" >&2; }
    done
    return 0
}

build_jvirtd() {    # BUILD=yes: mvn package of dist; either way dist/target/jvirtd.jar must exist
    if [ "$BUILD" = yes ]; then
        log "building jvirtd (mvn -B -q -o package -pl dist -am -DskipTests)"
        (cd "$ROOT" && mvn -B -q -o package -pl dist -am -DskipTests -Djvirt.baseline.skip=true) >&2
    fi
    [ -f "$ROOT/dist/target/jvirtd.jar" ] || { echo "dist/target/jvirtd.jar is missing: run with BUILD=yes" >&2; exit 2; }
}

# prepare_jvirtd SOCKET: jvirtd's configuration in $WORK/jvirtd/etc (dist/etc, the RPC socket);
# the caller may add .cfg files there before start_jvirtd.
prepare_jvirtd() {
    mkdir -p "$WORK/jvirtd/etc" "$WORK/jvirtd/var" "$WORK/jvirtd/run"
    cp "$ROOT"/dist/etc/* "$WORK/jvirtd/etc/"
    printf 'unix.sock.rw.path = %s\n' "$1" > "$WORK/jvirtd/etc/org.jvirt.rpc.cfg"
}

# start_jvirtd [console]: jvirtd (JVIRTD_PID is dist/bin/jvirtd's shell, its JVM the child); with
# "console", its Gogo console reads file descriptor 7, which the caller holds open (a FIFO) across
# restarts. JVIRTD_VAR holds state, logs and the Felix cache, JVIRTD_RUN the run-time files (never
# the real /run/jvirt).
start_jvirtd() {
    if [ "${1:-}" = console ]; then
        (cd "$WORK/jvirtd" && JVIRTD_CONSOLE=yes JVIRTD_VAR="$WORK/jvirtd/var" JVIRTD_ETC="$WORK/jvirtd/etc" \
            JVIRTD_RUN="$WORK/jvirtd/run" exec "$ROOT/dist/bin/jvirtd" <&7 \
            >> "$WORK/jvirtd.out" 2>> "$WORK/jvirtd.err") &
    else
        (cd "$WORK/jvirtd" && JVIRTD_CONSOLE=no JVIRTD_VAR="$WORK/jvirtd/var" JVIRTD_ETC="$WORK/jvirtd/etc" \
            JVIRTD_RUN="$WORK/jvirtd/run" exec "$ROOT/dist/bin/jvirtd" < /dev/null \
            >> "$WORK/jvirtd.out" 2>> "$WORK/jvirtd.err") &
    fi
    JVIRTD_PID=$!
}

# prepare_libvirtd MODULE...: libvirtd's folders and configuration, the driver modules
# (libvirt_driver_storage.so, ...), and the mount namespace, kept by a "sleep" holder. Commands in
# LIBVIRTD_NS_EXTRA run in the namespace before it is ready (bench/lxc-vs-libvirtd.sh hides a cgroup
# mount there). Files for /etc/libvirt go to $WORK/libvirtd/etc.
prepare_libvirtd() {
    local lv="$WORK/libvirtd" so
    mkdir -p "$lv/drivers" "$lv/etc" "$lv/var/lib/libvirt" "$lv/var/cache" "$lv/var/log" "$lv/var/tmp"
    chmod 1777 "$lv/var/tmp"
    ln -s /run "$lv/var/run"
    ln -s /run/lock "$lv/var/lock"
    for so in "$@"; do
        [ -f "$LIBVIRT_DRIVERS/$so" ] || { echo "missing: $LIBVIRT_DRIVERS/$so" >&2; exit 2; }
        ln -s "$LIBVIRT_DRIVERS/$so" "$lv/drivers/"
    done
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
${LIBVIRTD_NS_EXTRA:-}
touch "$lv/ns-ready"
exec sleep infinity
SH
    mkdir -p /run/libvirt
    unshare --mount --propagation private sh "$lv/ns.sh" > "$WORK/namespace.out" 2>&1 < /dev/null &
    NS_HOLDER_PID=$!
    for _ in $(seq 1 100); do [ -e "$lv/ns-ready" ] && return 0; sleep 0.05; done
    echo "mount namespace for libvirtd not ready" >&2
    cat "$WORK/namespace.out" >&2
    exit 1
}

# start_libvirtd [PREFIX...]: libvirtd in the namespace, through a command prefix if given
# (ip netns exec NS).
start_libvirtd() {
    LIBVIRT_DRIVER_DIR="$WORK/libvirtd/drivers" nsenter -t "$NS_HOLDER_PID" -m "$@" \
        /usr/sbin/libvirtd --config "$WORK/libvirtd/libvirtd.conf" --pid-file "$WORK/libvirtd/libvirtd.pid" \
        >> "$WORK/libvirtd.out" 2>&1 < /dev/null &
    LIBVIRTD_PID=$!
}

await_socket() {    # PATH PID NAME: until the daemon's socket exists (60 s), or it exits
    for _ in $(seq 1 1200); do
        [ -S "$1" ] && return 0
        kill -0 "$2" 2>/dev/null || { echo "$3 exited" >&2; return 1; }
        sleep 0.05
    done
    echo "$3: no socket $1 after 60 s" >&2
    return 1
}

#!/bin/sh
# Benchmark (issue 4, section 4; run by hand, not part of mvn verify): jvirtd and libvirtd 9.0, both
# serving their test driver over TCP on loopback, driven by the same clients in the same run:
# python3-libvirt (lookupByName + info in a loop) on 1 and 8 connections, and the pipelined Java
# load generator. Prints calls/s per server and the ratio jvirtd / libvirtd.
# Each load runs ROUNDS times against each server, alternating jvirtd and libvirtd so that load
# from other processes hits both alike; the table shows the medians.
# Usage: rpc.bundle/bench/bench.sh [SECONDS [ROUNDS]]   (from the repository root; needs
# libvirt-daemon, python3-libvirt, a JDK and Maven with the project's dependencies downloaded)
set -eu
SECONDS_PER_RUN=${1:-5}
ROUNDS=${2:-3}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BENCH="$ROOT/rpc.bundle/bench"
WORK=$(mktemp -d)
JVIRTD_PID=""
LIBVIRTD_PID=""
cleanup() {
    [ -n "$JVIRTD_PID" ] && kill "$JVIRTD_PID" 2>/dev/null || true
    [ -n "$LIBVIRTD_PID" ] && kill "$LIBVIRTD_PID" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

echo "building (jvirtd, and the Java load generator's classpath) ..." >&2
(cd "$ROOT" && mvn -B -o -q -Dstyle.color=never package -pl dist -am -DskipTests \
    && mvn -B -o -q -pl rpc.bundle test-compile \
    && mvn -B -o -q -pl rpc.bundle dependency:build-classpath -Dmdep.includeScope=test \
       -Dmdep.outputFile="$WORK/cp.txt") >&2
CP="$ROOT/rpc.bundle/target/test-classes:$ROOT/rpc.bundle/target/classes:$ROOT/api.bundle/target/classes:$ROOT/core.bundle/target/classes:$ROOT/driver.test/target/classes:$(cat "$WORK/cp.txt")"

# The real daemon, dist/bin/jvirtd, with its own configuration folder (dist/etc plus an RPC
# listener on a free loopback port) and its own var/ folder; warnings only, as libvirtd logs.
JPORT=$(free_port)
mkdir -p "$WORK/jvirtd-etc"
cp "$ROOT"/dist/etc/*.cfg "$WORK/jvirtd-etc/"
printf 'listen.tcp = true\nlisten.addr = 127.0.0.1\ntcp.port = %s\nauth.tcp = none\n' "$JPORT" > "$WORK/jvirtd-etc/org.jvirt.rpc.cfg"
JVIRTD_CONSOLE=no JVIRTD_ETC="$WORK/jvirtd-etc" JVIRTD_VAR="$WORK/jvirtd-var" JAVA_OPTS="-Djvirt.log.level=WARN" \
    "$ROOT/dist/bin/jvirtd" > "$WORK/jvirtd.out" 2>&1 &
JVIRTD_PID=$!
listening() { /usr/bin/python3 -c 'import socket,sys; s=socket.socket(); s.settimeout(0.2); sys.exit(s.connect_ex(("127.0.0.1", int(sys.argv[1]))))' "$1"; }

LPORT=$(free_port)
mkdir -p "$WORK/libvirtd/drivers"
cat > "$WORK/libvirtd/libvirtd.conf" <<CONF
listen_tcp = 1
listen_tls = 0
listen_addr = "127.0.0.1"
tcp_port = "$LPORT"
auth_tcp = "none"
auth_unix_rw = "none"
auth_unix_ro = "none"
unix_sock_dir = "$WORK/libvirtd"
CONF
# an empty driver module directory: only libvirtd's built-in test driver is loaded
LIBVIRT_DRIVER_DIR="$WORK/libvirtd/drivers" /usr/sbin/libvirtd --listen --config "$WORK/libvirtd/libvirtd.conf" \
    --pid-file "$WORK/libvirtd/pid" > "$WORK/libvirtd.out" 2>&1 &
LIBVIRTD_PID=$!

for i in $(seq 1 600); do
    listening "$JPORT" && [ -S "$WORK/libvirtd/libvirt-sock" ] && break
    sleep 0.1
done
listening "$JPORT" || { cat "$WORK/jvirtd.out"; echo "jvirtd did not start" >&2; exit 1; }
[ -S "$WORK/libvirtd/libvirt-sock" ] || { cat "$WORK/libvirtd.out"; echo "libvirtd did not start" >&2; exit 1; }

JURI="test+tcp://127.0.0.1:$JPORT/default"
LURI="test+tcp://127.0.0.1:$LPORT/default"
rate() { sed -n 's/^calls\/s //p'; }

printf '%-34s %12s %12s %8s\n' "load" "jvirtd" "libvirtd" "ratio"
median() { /usr/bin/python3 -c 'import statistics,sys; print("%.0f" % statistics.median(float(x) for x in sys.argv[1:]))' "$@"; }
run() {
    label=$1; shift
    js=""; ls=""
    for r in $(seq 1 "$ROUNDS"); do
        js="$js $("$@" "$JURI" "$JPORT" | rate)"
        ls="$ls $("$@" "$LURI" "$LPORT" | rate)"
    done
    j=$(median $js); l=$(median $ls)
    printf '%-34s %12s %12s %8s   (jvirtd:%s / libvirtd:%s)\n' "$label" "$j" "$l" \
        "$(/usr/bin/python3 -c "print('%.2f' % ($j / $l))")" "$js" "$ls"
}
py() { conns=$1; uri=$2; /usr/bin/python3 "$BENCH/bench_python.py" "$uri" "$conns" "$SECONDS_PER_RUN"; }
py1() { py 1 "$1"; }
py8() { py 8 "$1"; }
javaload() { java -cp "$CP" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn org.jvirt.rpc.internal.bench.BenchLoad 127.0.0.1 "$2" 8 8 "$SECONDS_PER_RUN"; }
# warm up the JIT of jvirtd (libvirtd gets the same traffic)
javaload "$JURI" "$JPORT" > /dev/null; javaload "$LURI" "$LPORT" > /dev/null
run "python3-libvirt, 1 connection" py1
run "python3-libvirt, 8 connections" py8
run "Java pipelined, 8 conn x 8 calls" javaload

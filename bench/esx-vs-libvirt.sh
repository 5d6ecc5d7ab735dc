#!/bin/bash
# ESX driver benchmark (issue 15, section 4; run by hand, not part of mvn verify): one vSphere
# simulator with $VMS VMs (VMware's govmomi simulator, driver.esx's test fixture in
# driver.esx/src/test/go/vcsim), read and driven through jvirt's ESX driver (jvirtd, reached with
# libvirt's remote driver: esx+unix:///?socket=...&name=esx://...) and through libvirt 9.0's own ESX
# driver (in the client library: esx://127.0.0.1:PORT/?no_verify=1&transport=http), in one run,
# through the same client (python3-libvirt, bench/esx_vs_libvirt.py), rounds interleaved:
#   list      virsh list --all (all domains, each one's ID, name and state)
#   dominfo   virsh dominfo of each VM (lookup, ID, name, UUID, OS type, info, persistent, autostart)
#   destroy   lookup + destroy of each VM
#   start     lookup + start of each VM
# Prints the medians of $ROUNDS rounds (ms for all VMs) and the ratio jvirt / libvirt per operation,
# and the SOAP calls each side made per operation (counted by the simulator's proxy, GET /calls).
# Both sides pay their own way to the simulator: jvirt one more hop (the RPC to jvirtd) per call.
# With BASE=FOLDER (a folder holding the jvirtd.jar, and optionally jvirtd.jsa, of an earlier
# build), a second jvirtd runs that build as "base" in the same rounds: before/after in one run.
#
# Usage: bench/esx-vs-libvirt.sh   (needs golang-go, golang-github-vmware-govmomi-dev, libvirt-clients
#        (libvirt's ESX driver is in libvirt0), python3-libvirt, a JDK 17 and Maven with the
#        project's dependencies)
# Environment: VMS (50), ROUNDS (3), BUILD (yes: mvn -o package -pl dist -am -DskipTests first; "no"
#        uses dist/target/jvirtd.jar), KEEP_WORK (no; "yes" keeps the temporary folder and logs),
#        BASE (none; see above).
#
# Everything started here (the simulator, jvirtd) gets temporary files under one mktemp folder and
# is stopped by PID on exit, also after a failure or Ctrl-C. Root is not needed.
set -euo pipefail

VMS=${VMS:-50}
ROUNDS=${ROUNDS:-3}
BUILD=${BUILD:-yes}
PY=/usr/bin/python3
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
HELPER="$ROOT/bench/esx_vs_libvirt.py"
. "$ROOT/bench/lib/daemons.sh"

for tool in /usr/bin/go java; do
    command -v "$tool" > /dev/null || { echo "missing: $tool" >&2; exit 2; }
done
[ -d /usr/share/gocode/src/github.com/vmware/govmomi/simulator ] \
    || { echo "missing: golang-github-vmware-govmomi-dev" >&2; exit 2; }
"$PY" -c 'import libvirt' || { echo "missing: python3-libvirt" >&2; exit 2; }

WORK=$(mktemp -d /tmp/jvesx.XXXXXX)
JVIRT_SOCK="$WORK/jvirt-sock"
BASE_SOCK="$WORK/base-sock"
VCSIM_PID=""
BASE_PID=""

# The base build's jvirtd: dist/bin/jvirtd run from a copy of dist whose target/ holds BASE's jar,
# with its own configuration, state and socket. Stopped by PID with its JVM (the script's child).
start_base_jvirtd() {
    local home="$WORK/base-dist" b="$WORK/base"
    mkdir -p "$home/target" "$b/etc" "$b/var" "$b/run"
    cp -r "$ROOT/dist/bin" "$home/"
    cp -p "$BASE"/jvirtd.jar "$home/target/"
    [ -f "$BASE/jvirtd.jsa" ] && cp -p "$BASE/jvirtd.jsa" "$home/target/"
    cp "$ROOT"/dist/etc/* "$b/etc/"
    printf 'unix.sock.rw.path = %s\n' "$BASE_SOCK" > "$b/etc/org.jvirt.rpc.cfg"
    printf 'credentials.file = %s\n' "$WORK/auth.conf" > "$b/etc/org.jvirt.driver.esx.cfg"
    (cd "$b" && JVIRTD_CONSOLE=no JVIRTD_VAR="$b/var" JVIRTD_ETC="$b/etc" JVIRTD_RUN="$b/run" \
        exec "$home/bin/jvirtd" < /dev/null >> "$WORK/base.out" 2>> "$WORK/base.err") &
    BASE_PID=$!
}

stop_base_jvirtd() {
    [ -n "$BASE_PID" ] || return 0
    local jvm
    jvm=$(ps -o pid= --ppid "$BASE_PID" 2>/dev/null | tr -d ' ' | head -n 1)
    kill_pid "$BASE_PID"
    kill_pid "$jvm"
}

cleanup() {
    status=$?
    trap - EXIT INT TERM
    set +e
    stop_daemons
    stop_base_jvirtd
    kill_pid "$VCSIM_PID"
    wait 2>/dev/null
    [ "$status" = 0 ] || { tail_logs; [ -f "$WORK/vcsim.err" ] && tail -n 20 "$WORK/vcsim.err" >&2; }
    if [ "${KEEP_WORK:-no}" = yes ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

build_jvirtd

# --- the simulator ------------------------------------------------------------------------------
log "building the simulator (go build, offline)"
(cd "$ROOT/driver.esx/src/test/go/vcsim" && GO111MODULE=off GOPATH=/usr/share/gocode \
    /usr/bin/go build -o "$WORK/vcsim" .) >&2     # Go's build cache (~/.cache/go-build) makes it quick after once
"$WORK/vcsim" -vms "$VMS" > "$WORK/vcsim.out" 2> "$WORK/vcsim.err" < /dev/null &
VCSIM_PID=$!
for _ in $(seq 1 600); do grep -q '^URL ' "$WORK/vcsim.out" 2>/dev/null && break; sleep 0.1; done
grep -q '^URL ' "$WORK/vcsim.out" || { echo "the simulator did not start" >&2; exit 1; }
HOSTPORT=$(sed -n 's|^URL https\?://\([^/]*\)/sdk$|\1|p' "$WORK/vcsim.out")
printf '[credentials-vcsim]\nusername=user\npassword=pass\n\n[auth-esx-default]\ncredentials=vcsim\n' \
    > "$WORK/auth.conf"

# --- jvirtd with the same credentials file ------------------------------------------------------
prepare_jvirtd "$JVIRT_SOCK"
printf 'credentials.file = %s\n' "$WORK/auth.conf" > "$WORK/jvirtd/etc/org.jvirt.driver.esx.cfg"
start_jvirtd
await_socket "$JVIRT_SOCK" "$JVIRTD_PID" jvirtd
log "simulator (pid $VCSIM_PID, $HOSTPORT, $VMS VMs) and jvirtd (pid $JVIRTD_PID) are up"
LABELS="jvirt libvirt"
BASE_ARG=()
if [ -n "${BASE:-}" ]; then
    [ -f "$BASE/jvirtd.jar" ] || { echo "BASE: no jvirtd.jar in $BASE" >&2; exit 2; }
    start_base_jvirtd
    await_socket "$BASE_SOCK" "$BASE_PID" "base jvirtd"
    log "base jvirtd (pid $BASE_PID, $BASE/jvirtd.jar) is up"
    LABELS="base jvirt libvirt"
    BASE_ARG=(base="esx+unix:///?socket=$BASE_SOCK&name=esx://$HOSTPORT/?no_verify=1%26transport=http")
fi

LURI="esx://$HOSTPORT/?no_verify=1&transport=http"
JURI="esx+unix:///?socket=$JVIRT_SOCK&name=esx://$HOSTPORT/?no_verify=1%26transport=http"
log "load before the rounds: $(cut -d' ' -f1-3 /proc/loadavg)"
LIBVIRT_AUTH_FILE="$WORK/auth.conf" LIBVIRT_LOG_OUTPUTS="1:file:$WORK/libvirt-client.log" \
    ESX_CALLS_URL="http://$HOSTPORT/calls" \
    "$PY" "$HELPER" run "$ROUNDS" "${BASE_ARG[@]}" jvirt="$JURI" libvirt="$LURI" | tee "$WORK/esx.txt" >&2
log "load after the rounds: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "esx benchmark: $VMS VMs on one simulated ESX host, median of $ROUNDS rounds (ms for all VMs; SOAP calls per round)"
median() { awk -v op="$1" -v who="$2" '$1 == "median" && $2 == op && $3 == who { print $4 }' "$WORK/esx.txt"; }
soap() { awk -v op="$1" -v who="$2" '$1 == "calls" && $2 == op && $3 == who { print $4; exit }' "$WORK/esx.txt"; }
for op in list dominfo destroy start; do
    l=$(median "$op" libvirt)
    for who in $LABELS; do
        [ "$who" = libvirt ] && continue
        j=$(median "$op" "$who")
        ratio=$(awk -v a="$j" -v b="$l" 'BEGIN { printf "%.2f", a / b }')
        printf '  %-8s %-5s %9.1f (%4s SOAP)   libvirt %9.1f (%4s SOAP)   %s/libvirt %s\n' "$op" "$who" "$j" \
            "$(soap "$op" "$who")" "$l" "$(soap "$op" libvirt)" "$who" "$ratio"
    done
done
if [ -n "${BASE:-}" ]; then
    tb=$(awk '$1 == "median" && $3 == "base" && ($2 == "list" || $2 == "dominfo") { s += $4 } END { print s }' "$WORK/esx.txt")
    tl=$(awk '$1 == "median" && $3 == "libvirt" && ($2 == "list" || $2 == "dominfo") { s += $4 } END { print s }' "$WORK/esx.txt")
    awk -v a="$tb" -v b="$tl" 'BEGIN { printf "  list+dominfo base  %.1f   libvirt %.1f   base/libvirt %.2f\n", a, b, a / b }'
fi
tj=$(awk '$1 == "median" && $3 == "jvirt" && ($2 == "list" || $2 == "dominfo") { s += $4 } END { print s }' "$WORK/esx.txt")
tl=$(awk '$1 == "median" && $3 == "libvirt" && ($2 == "list" || $2 == "dominfo") { s += $4 } END { print s }' "$WORK/esx.txt")
awk -v a="$tj" -v b="$tl" 'BEGIN { printf "  list+dominfo jvirt %.1f   libvirt %.1f   jvirt/libvirt %.2f (issue 15 target: at most 0.50)\n", a, b, a / b }'

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
# Prints the medians of $ROUNDS rounds (ms for all VMs) and the ratio jvirt / libvirt per operation.
# Both sides pay their own way to the simulator: jvirt one more hop (the RPC to jvirtd) per call.
#
# Usage: bench/esx-vs-libvirt.sh   (needs golang-go, golang-github-vmware-govmomi-dev, libvirt-clients
#        (libvirt's ESX driver is in libvirt0), python3-libvirt, a JDK 17 and Maven with the
#        project's dependencies)
# Environment: VMS (50), ROUNDS (3), BUILD (yes: mvn -o package -pl dist -am -DskipTests first; "no"
#        uses dist/target/jvirtd.jar), KEEP_WORK (no; "yes" keeps the temporary folder and logs).
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
VCSIM_PID=""

cleanup() {
    status=$?
    trap - EXIT INT TERM
    set +e
    stop_daemons
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

LURI="esx://$HOSTPORT/?no_verify=1&transport=http"
JURI="esx+unix:///?socket=$JVIRT_SOCK&name=esx://$HOSTPORT/?no_verify=1%26transport=http"
LIBVIRT_AUTH_FILE="$WORK/auth.conf" LIBVIRT_LOG_OUTPUTS="1:file:$WORK/libvirt-client.log" \
    "$PY" "$HELPER" run "$ROUNDS" jvirt="$JURI" libvirt="$LURI" | tee "$WORK/esx.txt" >&2

echo "esx benchmark: $VMS VMs on one simulated ESX host, median of $ROUNDS rounds (ms for all VMs)"
for op in list dominfo destroy start; do
    j=$(awk -v op="$op" '$1 == "median" && $2 == op && $3 == "jvirt" { print $4 }' "$WORK/esx.txt")
    l=$(awk -v op="$op" '$1 == "median" && $2 == op && $3 == "libvirt" { print $4 }' "$WORK/esx.txt")
    ratio=$(awk -v a="$j" -v b="$l" 'BEGIN { printf "%.2f", a / b }')
    printf '  %-8s jvirt %9.1f   libvirt %9.1f   jvirt/libvirt %s\n' "$op" "$j" "$l" "$ratio"
done
tj=$(awk '$1 == "median" && $3 == "jvirt" && ($2 == "list" || $2 == "dominfo") { s += $4 } END { print s }' "$WORK/esx.txt")
tl=$(awk '$1 == "median" && $3 == "libvirt" && ($2 == "list" || $2 == "dominfo") { s += $4 } END { print s }' "$WORK/esx.txt")
awk -v a="$tj" -v b="$tl" 'BEGIN { printf "  list+dominfo jvirt %.1f   libvirt %.1f   jvirt/libvirt %.2f (issue 15 target: at most 0.50)\n", a, b, a / b }'

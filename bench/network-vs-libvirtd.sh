#!/bin/bash
# Network driver benchmark (issue 11; run by hand as root, not part of mvn verify): starting and
# stopping a NAT network with DHCP (bridge, addresses, firewall rules, dnsmasq) through jvirtd's
# network driver (dist/bin/jvirtd) and through libvirt 9.0's (libvirtd), in one run, through the same
# client (python3-libvirt, network+unix:///system?socket=...) and the same network XML: a warm-up,
# then $ROUNDS rounds interleaved; medians and the ratio jvirt/libvirtd.
#
# Nothing touches the host's networking: each daemon's network driver works in a network namespace
# of its own made here (jvirtd through its command prefix "ip netns exec NS", libvirtd started inside
# "ip netns exec NS"). libvirtd also runs in a mount namespace of its own (kept by a "sleep" holder)
# where a tmpfs covers /run/libvirt and temporary folders cover /var and /etc/libvirt, so it neither
# reads nor writes the host's libvirt files; only its network driver module is loaded. Everything
# started here is stopped by PID on exit, also after a failure or Ctrl-C, and the namespaces removed.
#
# Usage: bench/network-vs-libvirtd.sh   (needs libvirt-daemon, libvirt-clients, python3-libvirt,
#        dnsmasq-base, nftables, iptables, a JDK 17 and Maven with the project's dependencies)
# Environment: ROUNDS (5), BUILD (yes: mvn -o package -pl dist -am -DskipTests first; "no" uses the
#        jars in */target), KEEP_WORK (no; "yes" keeps the temporary folder with both daemons' logs).
set -euo pipefail

ROUNDS=${ROUNDS:-5}
BUILD=${BUILD:-yes}
PY=/usr/bin/python3
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
HELPER="$ROOT/bench/network_vs_libvirtd.py"
. "$ROOT/bench/lib/daemons.sh"
NSJ="jvbn-j$$"
NSL="jvbn-l$$"

for tool in /usr/sbin/libvirtd unshare nsenter ip java dnsmasq nft; do
    command -v "$tool" > /dev/null || { echo "missing: $tool" >&2; exit 2; }
done
[ -f "$LIBVIRT_DRIVERS/libvirt_driver_network.so" ] || { echo "missing: libvirt's network driver" >&2; exit 2; }
"$PY" -c 'import libvirt' || { echo "missing: python3-libvirt" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "run as root (network and mount namespaces)" >&2; exit 2; }

WORK=$(mktemp -d /tmp/jvnet.XXXXXX)
chmod 755 "$WORK"   # dnsmasq drops root for nobody and reads its files there
JVIRT_SOCK="$WORK/jvirt-sock"
LIBVIRT_SOCK="$WORK/libvirtd/libvirt-sock"
JURI="network+unix:///system?socket=$JVIRT_SOCK"
LURI="network+unix:///system?socket=$LIBVIRT_SOCK"

cleanup() {
    status=$?
    trap - EXIT INT TERM
    set +e
    log "cleaning up"
    [ -S "$JVIRT_SOCK" ] && timeout 60 "$PY" "$HELPER" remove "$JURI" jvbench
    [ -S "$LIBVIRT_SOCK" ] && timeout 60 "$PY" "$HELPER" remove "$LURI" jvbench
    stop_daemons
    wait 2>/dev/null
    for ns in "$NSJ" "$NSL"; do     # what still runs in a namespace (a dnsmasq) goes with it, by PID
        for pid in $(ip netns pids "$ns" 2>/dev/null); do kill_pid "$pid"; done
        ip netns del "$ns" 2>/dev/null
    done
    [ "$status" = 0 ] || tail_logs
    if [ "${KEEP_WORK:-no}" = yes ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

build_jvirtd

cat > "$WORK/network.xml" <<XML
<network>
  <name>jvbench</name>
  <forward mode='nat'/>
  <bridge name='jvbench0' stp='on' delay='0'/>
  <ip address='192.168.177.1' netmask='255.255.255.0'>
    <dhcp>
      <range start='192.168.177.100' end='192.168.177.199'/>
    </dhcp>
  </ip>
</network>
XML

# the namespaces first: libvirtd's mount namespace (private propagation) must see /run/netns/$NSL
for ns in "$NSJ" "$NSL"; do
    ip netns add "$ns"
    ip netns exec "$ns" ip link set lo up
done

# --- libvirtd 9.0, its network driver only, in its own mount namespace and in $NSL ----------------
prepare_libvirtd libvirt_driver_network.so
start_libvirtd ip netns exec "$NSL"

# --- jvirtd, its network driver's commands in $NSJ ------------------------------------------------
prepare_jvirtd "$JVIRT_SOCK"
printf 'command.prefix = ip netns exec %s\nruntime.dir = %s\nautostart = false\n' "$NSJ" "$WORK/jvirtd/netrun" \
    > "$WORK/jvirtd/etc/org.jvirt.network.cfg"
start_jvirtd

await_socket "$LIBVIRT_SOCK" "$LIBVIRTD_PID" libvirtd
await_socket "$JVIRT_SOCK" "$JVIRTD_PID" jvirtd
log "libvirtd (pid $LIBVIRTD_PID, netns $NSL) and jvirtd (pid $JVIRTD_PID, netns $NSJ) are up"

log "NAT network start/stop: 1 warm-up + $ROUNDS rounds, interleaved"
"$PY" "$HELPER" lifecycle "$WORK/network.xml" "$ROUNDS" 1 jvirt="$JURI@$NSJ" libvirtd="$LURI@$NSL" \
    | tee "$WORK/network.txt" >&2

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo "network benchmark: NAT network with DHCP, median of $ROUNDS (ms)"
for step in start stop; do
    j=$(awk -v s="$step" '$1 == s && $2 == "jvirt" { print $3 }' "$WORK/network.txt" | median)
    l=$(awk -v s="$step" '$1 == s && $2 == "libvirtd" { print $3 }' "$WORK/network.txt" | median)
    ratio=$(awk -v a="$j" -v b="$l" 'BEGIN { printf "%.2f", a / b }')
    printf '  %-6s jvirt %8.1f   libvirtd %8.1f   jvirt/libvirtd %s\n' "$step" "$j" "$l" "$ratio"
done

#!/bin/sh
# Records secrets.transcript: what virsh prints for each line of secrets.commands against
# libvirtd 9.0's secret driver. Run by hand as root with a libvirtd whose secret driver keeps its
# files in a private mount namespace (tmpfs over /etc/libvirt, /run/libvirt), serving
# RW=...libvirt-sock and RO=...libvirt-sock-ro:
#   RW=/tmp/ref/libvirt-sock RO=/tmp/ref/libvirt-sock-ro ./record-secrets.sh > secrets.transcript
here=$(cd "$(dirname "$0")" && pwd)
while IFS= read -r line; do
    uri="secret:///system?socket=$RW"
    cmd=$line
    case "$line" in ro\ *) uri="secret:///system?socket=$RO"; cmd=${line#ro }; esac
    args=$(printf '%s' "$cmd" | sed "s#@DIR@#$here#g")
    # shellcheck disable=SC2086
    LC_ALL=C virsh -c "$uri" $args > /tmp/rec.out 2> /tmp/rec.err
    rc=$?
    printf '=== %s\nrc=%s\n--- out\n' "$line" "$rc"
    cat /tmp/rec.out
    printf -- '--- err\n'
    sed "s#$here#@DIR@#g" /tmp/rec.err
done < "$here/secrets.commands"

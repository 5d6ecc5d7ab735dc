#!/bin/sh
# Runs `xl -N create` (dry run: parse, print libxl's domain configuration as JSON) on every
# IN/*.cfg, writing OUT/NAME.json, NAME.err and NAME.rc. Run inside `unshare --mount --fork` as
# root, so that the mounts below stay in this namespace:
#   /dev/xen        <- a folder holding an empty regular file privcmd (xl opens it, never uses it)
#   /run/xenstored  <- a folder holding a socket that accepts and never answers (xenstored)
# Usage: run.sh XENROOT WORK IN OUT   (the mount points must exist; the caller creates them)
set -eu
XENROOT=$1 WORK=$2 IN=$3 OUT=$4
mount --make-rprivate /
mount --bind "$WORK/xendev" /dev/xen
mount --bind "$WORK/xs" /run/xenstored
/usr/bin/python3 -c '
import os, socket, sys
path = sys.argv[1]
s = socket.socket(socket.AF_UNIX)
s.bind(path)
s.listen(16)
open(path + ".ready", "w").close()
held = []
while True:
    held.append(s.accept()[0])
' "$WORK/xs/socket" &
LISTENER=$!
trap 'kill $LISTENER 2>/dev/null || true' EXIT
while [ ! -e "$WORK/xs/socket.ready" ]; do sleep 0.05; done
for cfg in "$IN"/*.cfg; do
    name=$(basename "$cfg" .cfg)
    rc=0
    LD_PRELOAD="$WORK/shim.so" LD_LIBRARY_PATH="$XENROOT/usr/lib/x86_64-linux-gnu" \
        "$XENROOT/usr/lib/xen-4.17/bin/xl" -N create "$cfg" >"$OUT/$name.json" 2>"$OUT/$name.err" </dev/null || rc=$?
    echo "$rc" >"$OUT/$name.rc"
done

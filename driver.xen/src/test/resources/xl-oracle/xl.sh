#!/bin/sh
# Runs one `xl ARGS` against the real libxenlight with the hypervisor's handles faked, for the
# driver tests. Run inside `unshare --mount --fork` as root, so the mounts stay in this namespace:
#   /dev/xen        <- a folder holding an empty regular file privcmd (libxl opens it; every
#                      hypercall ioctl on it fails with ENOTTY)
#   /run/xenstored  <- a folder holding a socket that accepts and closes at once (every xenstore
#                      request fails instead of waiting forever)
# Usage: xl.sh XENROOT WORK ARGS...   (the mount points must exist; XlToolstack creates them)
set -eu
XENROOT=$1 WORK=$2
shift 2
XS=$(mktemp -d "$WORK/xs.XXXXXX")
mount --make-rprivate /
mount --bind "$WORK/xendev" /dev/xen
mount --bind "$XS" /run/xenstored
/usr/bin/python3 -c '
import socket, sys
path = sys.argv[1]
s = socket.socket(socket.AF_UNIX)
s.bind(path)
s.listen(16)
open(path + ".ready", "w").close()
while True:
    s.accept()[0].close()
' "$XS/socket" &
LISTENER=$!
trap 'kill $LISTENER 2>/dev/null || true; umount /run/xenstored; rm -rf "$XS"' EXIT
while [ ! -e "$XS/socket.ready" ]; do sleep 0.02; done
rc=0
LD_PRELOAD="$WORK/shim.so $WORK/version.so" LD_LIBRARY_PATH="$XENROOT/usr/lib/x86_64-linux-gnu" \
    "$XENROOT/usr/lib/xen-4.17/bin/xl" "$@" </dev/null || rc=$?
exit $rc

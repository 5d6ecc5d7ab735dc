#!/bin/sh
# Builds jvirtd's AppCDS archive (run by the dist module's package phase after jvirtd.jar is
# exported; see dist/pom.xml):
#
#   sh dist/src/build/cds-archive.sh DIST_DIR ARCHIVE WORK_DIR
#
# Two starts of DIST_DIR/bin/jvirtd itself, so that the archive sees the JVM options the launcher
# uses, with a temporary state and run folder under WORK_DIR, both as the daemon runs (no console):
#   1. fills the framework's bundle cache, which jvirtd keeps between starts (as a daemon's next
#      starts find it);
#   2. the training run: a client lists the domains of the test and QEMU drivers through jvirtd's
#      RPC socket (virsh, when it is installed), so that the server's classes a client's first calls
#      load are archived too; then SIGTERM stops the framework and at exit the JVM writes the classes
#      it loaded (the JDK's, Felix's and the bundles') to ARCHIVE (-XX:ArchiveClassesAtExit).
#      -XX:-ClassUnloading for that run: by the exit the framework has stopped, and a full collection
#      while the bundles stop unloads the classes of their class loaders, which the archive then lacks
#      (seen: a 9.0 MiB archive without some 520 classes of SCR, Config Admin, the RPC server, the core
#      and the drivers, loaded from the bundles at every start, instead of 13.3 MiB; whether such a
#      collection runs depends on the heap at the stop, so builds differed)
# The daemon's start is what the archive is for: Gogo's console and the shell commands, which a
# daemon does not start, are left out (an archive of classes a start does not use still costs RSS,
# measured ~1.2 MiB with them), so a start with a console loads those from their bundles.
# bin/jvirtd maps it at the next starts (-XX:SharedArchiveFile, -Xshare:auto), which saves most of
# the class loading and verification at start. A failed training run only warns: jvirtd then starts
# without the archive, as it does with a stale one.
set -u
dist=$1
archive=$2
work=$3

rm -rf "$archive" "$work"
mkdir -p "$work"
start=$(date +%s)
# the run folder (RPC sockets) in /tmp: a UNIX socket path holds at most 107 bytes, the checkout's may be deep
run_dir=$(mktemp -d "${TMPDIR:-/tmp}/jvirtd-cds.XXXXXX")
socket="$run_dir/libvirt-sock"

# jvirtd in the background until its RPC socket is there (at most 60 s), the client's calls, SIGTERM
# (a clean stop: the script exits 0); JVIRTD_CDS=no: no archive of a previous build is mapped while
# the new one is written
run() {
    rm -f "$socket"
    JVIRTD_CDS=no JVIRTD_CONSOLE=no JVIRTD_VAR="$work/var" JVIRTD_RUN="$run_dir" \
        JAVA_OPTS="$1 ${JAVA_OPTS:-}" timeout 300 sh "$dist/bin/jvirtd" > "$2" 2>&1 &
    jvirtd=$!
    n=0
    while [ ! -S "$socket" ] && [ $n -lt 600 ] && kill -0 "$jvirtd" 2>/dev/null; do
        sleep 0.1
        n=$((n + 1))
    done
    if [ -S "$socket" ] && command -v virsh > /dev/null; then
        for uri in "test+unix:///default?socket=$socket" "qemu+unix:///system?socket=$socket"; do
            virsh -c "$uri" list --all >> "$2.client" 2>&1 || echo "virsh -c $uri failed" >> "$2.client"
        done
    fi
    kill -TERM "$jvirtd" 2>/dev/null
    wait "$jvirtd"
}

status=0
run "" "$work/first.out" || status=$?
if [ "$status" = 0 ]; then
    run "-XX:ArchiveClassesAtExit=$archive -XX:-ClassUnloading" "$work/training.out" || status=$?
fi
rm -rf "$run_dir"
if [ "$status" = 0 ] && [ -s "$archive" ]; then
    echo "jvirtd CDS archive: $archive ($(du -k "$archive" | cut -f1) KiB, training runs $(( $(date +%s) - start )) s)"
else
    echo "[WARNING] jvirtd CDS archive not built (training run exit status $status, see $work/*.out); jvirtd starts without it" >&2
    rm -f "$archive"
fi
exit 0

#!/bin/sh
# Builds jvirtd's AppCDS archive (run by the dist module's package phase after jvirtd.jar is
# exported; see dist/pom.xml):
#
#   sh dist/src/build/cds-archive.sh DIST_DIR ARCHIVE WORK_DIR
#
# A training run of DIST_DIR/bin/jvirtd itself, so that the archive sees the JVM options the
# launcher uses: with a temporary state and run folder under WORK_DIR, its console reads
# "virt:list --all" and then the end of input, which stops the framework; at exit the JVM writes
# the classes it loaded (the JDK's, Felix's and the bundles') to ARCHIVE (-XX:ArchiveClassesAtExit).
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
status=0
# JVIRTD_CDS=no: no archive of a previous build is mapped while the new one is written
printf 'virt:list --all\n' | JVIRTD_CDS=no JVIRTD_CONSOLE=yes JVIRTD_VAR="$work/var" JVIRTD_RUN="$work/run" \
    JAVA_OPTS="-XX:ArchiveClassesAtExit=$archive ${JAVA_OPTS:-}" \
    timeout 300 sh "$dist/bin/jvirtd" > "$work/training.out" 2>&1 || status=$?
if [ "$status" = 0 ] && [ -s "$archive" ]; then
    echo "jvirtd CDS archive: $archive ($(du -k "$archive" | cut -f1) KiB, training run $(( $(date +%s) - start )) s)"
else
    echo "[WARNING] jvirtd CDS archive not built (training run exit status $status, see $work/training.out); jvirtd starts without it" >&2
    rm -f "$archive"
fi
exit 0

package org.jvirt.storage.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * LVM's tools as shell scripts for the volume half of logical pools where device-mapper is missing: each
 * logs its command line; {@code lvcreate} writes the LV's "device" as a file under the pool's target and
 * a line {@code lvs} prints (active, sparse with {@code --virtualsize}), {@code lvremove} takes them away.
 * A volume named {@code bad} fails to be created, as lvcreate fails.
 */
final class FakeLvm {
    final Path bin;
    final Path log;
    private final Path state;

    FakeLvm(Path dir, String vg, long vgSize, Path target) throws IOException {
        bin = Files.createDirectories(dir.resolve("bin"));
        log = dir.resolve("lvm.log");
        state = dir.resolve("lvs.txt");
        Files.writeString(state, "");
        script("vgscan", "");
        script("vgchange", "");
        script("lvchange", "");
        script("pvs", "echo '  /dev/fake0 " + vg + "'\n");
        script("vgs", "used=$(awk -F'#' '{s+=$9} END {print s+0}' \"$STATE\")\n"
                + "echo \"  " + vgSize + ":$((" + vgSize + " - used))\"\n");
        script("lvs", "cat \"$STATE\"\n");
        script("lvcreate", String.join("\n",
                "TARGET='" + target + "'",
                "name=; size=; virt=; origin=",
                "while [ $# -gt 0 ]; do case \"$1\" in",
                "  --name) name=$2; shift 2;; -L) size=$2; shift 2;; --type) shift 2;;",
                "  --virtualsize) virt=$2; shift 2;; -s) origin=$2; shift 2;; *) shift;; esac; done",
                "[ \"$name\" = bad ] && { echo '  striped: Required device-mapper target(s) not detected in your kernel.' >&2; exit 5; }",
                "bytes() { echo $(( ${1%K} * 1024 )); }",
                "cap=$(bytes \"${virt:-$size}\"); attr=-wi-a-----; [ -n \"$virt\" ] && attr=swi-a-s---",
                "truncate -s \"$cap\" \"$TARGET/$name\"",
                "echo \"  $name##uuid-$name-$RANDOM#/dev/fake0(0)#linear#1#$cap#4194304#$cap#$attr\" >> \"$STATE\"",
                ""));
        script("lvremove", "path=${@: -1}; name=$(basename \"$path\")\n"
                + "grep -v \"^  $name#\" \"$STATE\" > \"$STATE.new\"; mv \"$STATE.new\" \"$STATE\"; rm -f \"$path\"\n");
    }

    /** The logged command lines, one a line. */
    List<String> commands() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    }

    private void script(String name, String body) throws IOException {
        Path p = bin.resolve(name);
        Files.writeString(p, "#!/bin/bash\necho \"$(basename \"$0\") $*\" >> '" + log + "'\nSTATE='" + state + "'\n" + body);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}

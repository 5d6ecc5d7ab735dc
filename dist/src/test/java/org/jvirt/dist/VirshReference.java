package org.jvirt.dist;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What real virsh 9.0 prints for a command on libvirt's own {@code test:///default}, which
 * jvirt's test driver reproduces. Taken from the installed virsh when there is one, so the
 * comparison is with the real program; the recorded text otherwise.
 */
final class VirshReference {
    /** {@code virsh -c test:///default list --all}, recorded from virsh 9.0.0. */
    static final String LIST_ALL_RECORDED = """
             Id   Name   State
            ----------------------
             1    test   running

            """;

    private VirshReference() {
    }

    static String listAll() throws Exception {
        Commands.Result r;
        try {
            r = Commands.run(Path.of("."), Map.of(), "", 30, List.of("virsh", "-c", "test:///default", "list", "--all"));
        } catch (IOException e) {
            return LIST_ALL_RECORDED; // no virsh on the PATH
        }
        if (r.exitCode() != 0) {
            throw new IllegalStateException("virsh failed: " + r.stderr());
        }
        return r.stdout();
    }
}

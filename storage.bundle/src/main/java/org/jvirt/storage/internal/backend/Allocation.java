package org.jvirt.storage.internal.backend;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jvirt.api.VirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bytes files take on disk ({@code st_blocks * 512}), which Java's file attributes do not give:
 * read in the daemon ({@link FileBlocks}, statx through JNA) or, where that cannot be called, for
 * many files with one {@code stat} run.
 */
public final class Allocation {
    private static final Logger LOG = LoggerFactory.getLogger(Allocation.class);

    private Allocation() {
    }

    /** Allocated bytes by file; files that cannot be read are left out. */
    public static Map<Path, Long> of(List<Path> files) throws VirtException {
        if (files.isEmpty()) {
            return new HashMap<>();
        }
        if (nativeStat()) {
            try {
                Map<Path, Long> out = new HashMap<>();
                for (Path f : files) {
                    long bytes = FileBlocks.of(f);
                    if (bytes >= 0) {
                        out.put(f, bytes);
                    }
                }
                return out;
            } catch (UnsupportedOperationException e) {
                LOG.debug("statx failed, asking stat: {}", e.getMessage());
            }
        }
        return byCommand(files);
    }

    /** Whether {@link FileBlocks} works here (without JNA its very class cannot be linked). */
    private static boolean nativeStat() {
        try {
            return FileBlocks.available();
        } catch (LinkageError e) {
            return false;
        }
    }

    /** The {@code stat} command's answer for {@code files}. */
    static Map<Path, Long> byCommand(List<Path> files) throws VirtException {
        Map<Path, Long> out = new HashMap<>();
        if (files.isEmpty()) {
            return out;
        }
        List<String> argv = new ArrayList<>(List.of("stat", "--printf", "%b %B %n\\0", "--"));
        for (Path f : files) {
            argv.add(f.toString());
        }
        String text;
        try {
            text = HostCommand.run(argv);
        } catch (VirtException e) {
            // a file vanished between listing and stat: read the others one by one
            if (files.size() == 1) {
                return out;
            }
            for (Path f : files) {
                out.putAll(byCommand(List.of(f)));
            }
            return out;
        }
        for (String rec : text.split("\0")) {
            int a = rec.indexOf(' ');
            int b = rec.indexOf(' ', a + 1);
            if (a < 0 || b < 0) {
                continue;
            }
            long blocks = Long.parseLong(rec.substring(0, a));
            long unit = Long.parseLong(rec.substring(a + 1, b));
            out.put(Path.of(rec.substring(b + 1)), blocks * unit);
        }
        return out;
    }
}

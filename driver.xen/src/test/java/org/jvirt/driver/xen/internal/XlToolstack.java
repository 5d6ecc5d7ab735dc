package org.jvirt.driver.xen.internal;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jvirt.api.spi.HostDirectories;

/**
 * Debian's Xen toolstack ({@code xl} 4.17 and its libraries) unpacked into a temporary folder
 * ({@code apt-get download} + {@code dpkg -x}: installing it would pull in systemd and a
 * hypervisor), with the fakes libvirt's libxlmock.c uses so that {@code xl -N create} prints
 * libxl's domain configuration without a hypervisor: an LD_PRELOAD shim (built here with gcc),
 * an empty {@code /dev/xen/privcmd} and a silent xenstored socket, mounted in a private mount
 * namespace ({@code unshare --mount}). Needs root, gcc, unshare, apt-get and dpkg; without them
 * the calling test is skipped, or fails in CI ({@code CI=true}).
 */
final class XlToolstack implements AutoCloseable {
    private static final List<String> PACKAGES = List.of("xen-utils-4.17", "xen-utils-common", "libxenmisc4.17",
            "libxencall1", "libxenevtchn1", "libxenforeignmemory1", "libxengnttab1", "libxenstore4",
            "libxentoollog1", "libxendevicemodel1", "libxenhypfs1", "libxentoolcore1", "libyajl2");
    /** Mount points on the host the namespace mounts over; created when missing, removed after. */
    private static final List<Path> MOUNT_POINTS = List.of(Path.of("/dev/xen"), Path.of("/run/xenstored"));

    private final Path work;
    private final List<Path> created = new ArrayList<>();

    private XlToolstack(Path work) {
        this.work = work;
    }

    private static XlToolstack shared;

    /**
     * The toolstack every test class of this JVM shares (set up once: unpacking and building take
     * longer than the tests), removed when the JVM ends; skips (fails in CI) as {@link #setUp}.
     */
    static synchronized XlToolstack shared() throws IOException, InterruptedException {
        if (shared == null) {
            XlToolstack t = setUp();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    t.close();
                } catch (IOException e) {
                    System.err.println("xl oracle: cannot remove " + t.work + ": " + e.getMessage());
                }
            }, "xl-toolstack-cleanup"));
            shared = t;
        }
        return shared;
    }

    /** Sets the toolstack up, or skips (fails in CI) saying what is missing. */
    static XlToolstack setUp() throws IOException, InterruptedException {
        for (String tool : List.of("/usr/bin/gcc", "/usr/bin/unshare", "/usr/bin/apt-get", "/usr/bin/dpkg",
                "/usr/bin/python3")) {
            if (!Files.isExecutable(Path.of(tool))) {
                missing(tool + " is not installed");
            }
        }
        if (!HostDirectories.isRoot()) {
            missing("the xl oracle mounts in a mount namespace and needs root");
        }
        XlToolstack t = new XlToolstack(Files.createTempDirectory("jvirt-xl-oracle"));
        try {
            t.prepare();
            return t;
        } catch (IOException | RuntimeException | InterruptedException | AssertionError e) {
            t.close();
            throw e;
        }
    }

    private static void missing(String why) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("xl oracle: " + why + " (required in CI)");
        }
        abort("xl oracle skipped: " + why);
    }

    private void prepare() throws IOException, InterruptedException {
        Path debs = cachedDebs();
        Path root = Files.createDirectories(work.resolve("xen"));
        try (Stream<Path> s = Files.list(debs)) {
            for (Path deb : s.filter(p -> p.toString().endsWith(".deb")).toList()) {
                check(run(work, 60, List.of("dpkg", "-x", deb.toString(), root.toString())), "dpkg -x " + deb);
            }
        }
        copyResource("shim.c");
        copyResource("run.sh");
        check(run(work, 60, List.of("gcc", "-shared", "-fPIC", "-O2", "-o", "shim.so", "shim.c")), "gcc shim.c");
        Files.createDirectories(work.resolve("xendev"));
        Files.writeString(work.resolve("xendev/privcmd"), "");
        Files.createDirectories(work.resolve("xs"));
    }

    /**
     * The packages, downloaded into the build folder ({@code target/xl-debs}, or the folder the
     * system property {@code jvirt.xl.cache} names) and reused by every test class and run while
     * they are the versions apt would download now: {@code apt-get download --print-uris} names the
     * current files (Debian's security updates change the version); when the cache does not hold
     * exactly those, its packages are deleted and the current ones downloaded. Without package lists
     * (the names cannot be asked), a complete cache is used as it is.
     */
    static Path cachedDebs() throws IOException, InterruptedException {
        return cachedDebs(Path.of(System.getProperty("jvirt.xl.cache", "target/xl-debs")).toAbsolutePath());
    }

    static Path cachedDebs(Path cache) throws IOException, InterruptedException {
        Path complete = cache.resolve(".complete");
        List<String> uris = new ArrayList<>(List.of("apt-get", "download", "--print-uris"));
        uris.addAll(PACKAGES);
        Result names = runCapturing(uris);
        List<String> wanted = names.rc == 0 ? debFileNames(names.out) : List.of();
        if (wanted.size() != PACKAGES.size()) {
            if (Files.exists(complete)) {
                System.err.println("xl oracle: cannot ask apt for the current Xen packages, using the cache "
                        + cache + ": " + names.err.strip());
                return cache;
            }
            missing("apt-get cannot name Xen's packages: " + names.err.strip());
        }
        SortedSet<String> want = new TreeSet<>(wanted);
        if (Files.exists(complete) && cachedFiles(cache).equals(want)) {
            return cache;
        }
        Files.createDirectories(cache);
        Files.deleteIfExists(complete);
        List<String> download = new ArrayList<>(List.of("apt-get", "download"));
        for (String file : cachedFiles(cache)) {
            if (!want.contains(file)) {
                Files.delete(cache.resolve(file));   // another version: Debian updated the package
            }
        }
        SortedSet<String> have = cachedFiles(cache);
        for (String file : want) {
            if (!have.contains(file)) {
                download.add(file.substring(0, file.indexOf('_')));
            }
        }
        if (download.size() > 2) {
            Result r = run(cache, 300, download);
            if (r.rc != 0) {
                missing("apt-get download of Xen's packages failed: " + r.err.strip());
            }
        }
        if (!cachedFiles(cache).equals(want)) {
            fail("xl oracle set-up: the cache holds " + cachedFiles(cache) + " after apt-get download, not " + want);
        }
        Files.writeString(complete, String.join("\n", want));
        return cache;
    }

    /** The file names in {@code apt-get download --print-uris} output ({@code 'URI' FILE SIZE HASH} lines). */
    static List<String> debFileNames(String printUris) {
        List<String> names = new ArrayList<>();
        for (String line : printUris.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length >= 2 && f[0].startsWith("'") && f[1].endsWith(".deb")) {
                names.add(f[1]);
            }
        }
        return names;
    }

    /** The packages in the cache folder (none when it does not exist). */
    static SortedSet<String> cachedFiles(Path cache) throws IOException {
        SortedSet<String> files = new TreeSet<>();
        if (Files.isDirectory(cache)) {
            try (Stream<Path> s = Files.list(cache)) {
                s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".deb")).forEach(files::add);
            }
        }
        return files;
    }

    /**
     * An {@code xl} program for the driver: each call runs the real xl 4.17 with its libraries in a
     * mount namespace of its own, with the faked handles ({@code xl.sh}) and the shims
     * ({@code shim.c}, {@code version.c}), so that every libxl call that needs the hypervisor fails
     * the way it fails on a host whose hypervisor refuses.
     */
    Path driverXl() throws IOException, InterruptedException {
        Path xl = work.resolve("xl");
        if (Files.exists(xl)) {
            return xl;
        }
        copyResource("version.c");
        copyResource("xl.sh");
        check(run(work, 60, List.of("gcc", "-shared", "-fPIC", "-O2", "-o", "version.so", "version.c")),
                "gcc version.c");
        createMountPoints();
        Files.writeString(xl, "#!/bin/sh\nexec unshare --mount --fork sh '" + work.resolve("xl.sh") + "' '"
                + work.resolve("xen") + "' '" + work + "' \"$@\"\n");
        Files.setPosixFilePermissions(xl, PosixFilePermissions.fromString("rwx------"));
        return xl;
    }

    private void createMountPoints() throws IOException {
        for (Path p : MOUNT_POINTS) {
            if (!Files.exists(p)) {
                Files.createDirectory(p);
                created.add(p);
            }
        }
    }

    /** The outcome of {@code xl -N create} on one configuration. */
    record Output(int rc, String json, String err) {
    }

    /** Runs xl on every {@code NAME -> config text}; one namespace for the whole batch. */
    Map<String, Output> dryRun(Map<String, String> configs) throws IOException, InterruptedException {
        Path in = Files.createDirectories(work.resolve("in-" + System.nanoTime()));
        Path out = Files.createDirectories(work.resolve("out-" + System.nanoTime()));
        for (Map.Entry<String, String> e : configs.entrySet()) {
            Files.writeString(in.resolve(e.getKey() + ".cfg"), e.getValue());
        }
        createMountPoints();
        Files.deleteIfExists(work.resolve("xs/socket"));
        Files.deleteIfExists(work.resolve("xs/socket.ready"));
        check(run(work, 600, List.of("unshare", "--mount", "--fork", "sh", work.resolve("run.sh").toString(),
                work.resolve("xen").toString(), work.toString(), in.toString(), out.toString())), "unshare run.sh");
        Map<String, Output> results = new HashMap<>();
        for (String name : configs.keySet()) {
            String rc = Files.readString(out.resolve(name + ".rc")).strip();
            results.put(name, new Output(Integer.parseInt(rc), Files.readString(out.resolve(name + ".json")),
                    Files.readString(out.resolve(name + ".err"))));
        }
        return results;
    }

    @Override
    public void close() throws IOException {
        for (Path p : created) {
            Files.deleteIfExists(p);
        }
        created.clear();
        try (Stream<Path> s = Files.walk(work)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private void copyResource(String name) throws IOException {
        try (InputStream in = XlToolstack.class.getResourceAsStream("/xl-oracle/" + name)) {
            if (in == null) {
                throw new IOException("test resource xl-oracle/" + name + " is missing");
            }
            Files.write(work.resolve(name), in.readAllBytes());
        }
    }

    private record Result(int rc, String out, String err) {
        Result(int rc, String err) {
            this(rc, "", err);
        }
    }

    /** Runs a short query, keeping what it prints. */
    private static Result runCapturing(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("jvirt-xl", ".out");
        Path err = Files.createTempFile("jvirt-xl", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                return new Result(-1, "", String.join(" ", command) + " timed out");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static void check(Result r, String what) {
        if (r.rc != 0) {
            fail("xl oracle set-up: " + what + " failed (" + r.rc + "): " + r.err.strip());
        }
    }

    private static Result run(Path dir, int timeoutSeconds, List<String> command)
            throws IOException, InterruptedException {
        Path err = Files.createTempFile("jvirt-xl", ".err");
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                return new Result(-1, String.join(" ", command) + " timed out");
            }
            return new Result(p.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(err);
        }
    }
}

package org.jvirt.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real Apache Karaf unpacked from its distribution archive, with SSH and RMI on free loopback
 * ports, the {@code karaf} user enabled, and the jvirt artifacts in its {@code system/}
 * repository (where Karaf's {@code mvn:} resolver looks first). Driven with {@code bin/client}.
 */
final class KarafInstance implements AutoCloseable {
    private static final Pattern VERSIONED_JAR = Pattern.compile("(.+)-(\\d+\\.\\d+\\.\\d+(?:-SNAPSHOT)?)\\.jar");

    private final Path home;
    private final int sshPort;
    private final Map<String, String> env;
    private ProcessHandle karaf;
    private Path runDir;

    private KarafInstance(Path home, int sshPort) {
        this.home = home;
        this.sshPort = sshPort;
        this.env = Map.of("JAVA_HOME", System.getProperty("java.home"));
    }

    /** Unpacks the archive with the system tar (Maven's unpacker truncates long paths). */
    static KarafInstance unpack(Path archive, Path workDir) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Commands.Result r = Commands.run(workDir, Map.of(), "", 120,
                List.of("tar", "xzf", archive.toAbsolutePath().toString()));
        if (r.exitCode() != 0) {
            throw new IOException("tar failed: " + r.stderr());
        }
        Path home;
        try (Stream<Path> s = Files.list(workDir)) {
            home = s.filter(p -> p.getFileName().toString().startsWith("apache-karaf-")).findFirst()
                    .orElseThrow(() -> new IOException("no apache-karaf-* in " + workDir));
        }
        return new KarafInstance(home, Commands.freePort());
    }

    Path home() {
        return home;
    }

    /** Users, ports and Maven repositories for a headless, hermetic run. */
    void configure(Path localMavenRepository) throws IOException {
        edit("etc/users.properties", s -> s.replace("#karaf = karaf,_g_:admingroup", "karaf = karaf,_g_:admingroup")
                .replace("#_g_\\:admingroup", "_g_\\:admingroup"));
        edit("etc/org.apache.karaf.shell.cfg", s -> s.replace("sshPort = 8101", "sshPort = " + sshPort)
                .replace("sshHost = 0.0.0.0", "sshHost = 127.0.0.1"));
        int registry = Commands.freePort();
        int server = Commands.freePort();
        edit("etc/org.apache.karaf.management.cfg", s -> s.replace("rmiRegistryPort = 1099", "rmiRegistryPort = " + registry)
                .replace("rmiServerPort = 44444", "rmiServerPort = " + server));
        // Central plus the build's local repository, for what system/ does not hold
        Files.writeString(home.resolve("etc/org.ops4j.pax.url.mvn.cfg"), "\norg.ops4j.pax.url.mvn.localRepository="
                + localMavenRepository.toAbsolutePath() + "\n", StandardOpenOption.APPEND);
        // jvirt's run directory (RPC sockets, QEMU monitors) and state base: folders of this
        // instance, never the real /run/jvirt and /var/lib/jvirt of a root run; the run folder
        // short, as UNIX socket paths hold at most 107 bytes
        runDir = Files.createTempDirectory("jvirt-karaf-run-");
        Files.writeString(home.resolve("etc/system.properties"), "\njvirt.run.dir = " + runDir
                + "\njvirt.lib.dir = " + home.resolve("jvirt-lib") + "\n", StandardOpenOption.APPEND);
    }

    private void edit(String file, UnaryOperator<String> change) throws IOException {
        Path p = home.resolve(file);
        String before = Files.readString(p);
        String after = change.apply(before);
        if (after.equals(before)) {
            throw new IOException(file + " did not have the expected defaults of Karaf");
        }
        Files.writeString(p, after);
    }

    /** Puts {@code name-version.jar} bundles and the features file where {@code mvn:org.jvirt/...} finds them. */
    void addArtifacts(String groupPath, Path bundlesDir, Path featuresXml, String version) throws IOException {
        try (Stream<Path> jars = Files.list(bundlesDir)) {
            for (Path jar : (Iterable<Path>) jars::iterator) {
                Matcher m = VERSIONED_JAR.matcher(jar.getFileName().toString());
                if (m.matches()) {
                    put(groupPath, m.group(1), m.group(2), "", "jar", jar);
                }
            }
        }
        put(groupPath, "dist", version, "-features", "xml", featuresXml);
    }

    private void put(String groupPath, String artifact, String version, String classifier, String type, Path file)
            throws IOException {
        Path dir = home.resolve("system").resolve(groupPath).resolve(artifact).resolve(version);
        Files.createDirectories(dir);
        Files.copy(file, dir.resolve(artifact + "-" + version + classifier + "." + type),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** Starts Karaf without a local console ({@code bin/karaf daemon} execs the JVM: its PID is ours). */
    void start() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(List.of("sh", "bin/karaf", "daemon")).directory(home.toFile())
                .redirectOutput(home.resolve("karaf.out").toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        karaf = pb.start().toHandle();
    }

    ProcessHandle process() {
        return karaf;
    }

    /** Runs shell commands through {@code bin/client} (batch mode), retrying until SSH is up. */
    Commands.Result client(String... commands) throws IOException, InterruptedException {
        String input = String.join("\n", commands) + "\n";
        return Commands.run(home, env, input, 180, List.of("sh", "bin/client", "-h", "127.0.0.1",
                "-a", Integer.toString(sshPort), "-u", "karaf", "-p", "karaf", "-r", "90", "-d", "1", "-b"));
    }

    String log() throws IOException {
        Path log = home.resolve("data/log/karaf.log");
        return Files.exists(log) ? Files.readString(log) : "(no karaf.log)";
    }

    /** Stops Karaf by its PID (SIGTERM, SIGKILL after a minute). */
    @Override
    public void close() throws InterruptedException {
        if (karaf != null && karaf.isAlive()) {
            Commands.stop(karaf, 60);
        }
        Commands.deleteTree(runDir);
    }
}

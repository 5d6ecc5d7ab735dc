package org.jvirt.driver.lxc.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.jvirt.api.NamespaceCommandResult;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;

/**
 * A command run inside a running container, libvirt's {@code virDomainLxcOpenNamespace} and
 * {@code virDomainLxcEnterNamespace} (what {@code virsh lxc-enter-namespace} does in a child it
 * forks). The JVM cannot setns(2) itself, so util-linux {@code nsenter} does it for the command:
 * every namespace of the container's init (the user namespace only with {@code <idmap>}: without
 * one the container shares the host's), its root and working folder, the environment libvirt
 * gives a container's processes, standard input empty.
 */
final class NamespaceCommand {
    /** What a command may write before the rest is dropped (per stream). */
    private static final int MAX_OUTPUT = 1 << 20;

    private NamespaceCommand() {
    }

    /** The running container a command enters: read with the domain locked, used without the lock. */
    record Target(ContainerProcess proc, DomainDef def) {
    }

    static Target target(LxcDomain dom) throws VirtException {
        if (!dom.isActive()) {
            throw LxcErrors.notRunning();
        }
        ContainerProcess proc = dom.process();
        if (proc == null || !proc.initAlive()) {
            throw LxcErrors.invalid("Init pid is not yet available");
        }
        return new Target(proc, dom.liveDef());
    }

    /** Runs {@code command} in {@code t} and waits for it; a destroy meanwhile ends it with the container. */
    static NamespaceCommandResult run(Target t, List<String> command) throws VirtException {
        ContainerProcess proc = t.proc();
        DomainDef def = t.def();
        List<String> argv = new ArrayList<>(List.of(nsenter(), "--target", Long.toString(proc.initPid()), "--mount",
                "--uts", "--ipc", "--net", "--pid", "--cgroup", "--root", "--wd"));
        if (UserNamespace.enabled(def)) {
            argv.add("--user");
        }
        argv.add("--");
        argv.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null")
                .toFile()));
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", "/bin:/sbin:/usr/bin:/usr/sbin");
        env.put("TERM", "linux");
        env.put("container", "lxc-libvirt");
        env.put("LIBVIRT_LXC_NAME", def.name());
        env.put("LIBVIRT_LXC_UUID", String.valueOf(def.uuid()));
        try {
            Process p = pb.start();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
            String out = drain(p.getInputStream());
            int status = p.waitFor();
            return new NamespaceCommandResult(status, out, err.join());
        } catch (IOException e) {
            throw LxcErrors.system("Unable to enter the namespaces of init pid " + proc.initPid() + ": "
                    + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LxcErrors.internal("interrupted while running a command in container '" + def.name() + "'");
        }
    }

    private static String drain(InputStream in) {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                kept.write(buf, 0, Math.min(n, Math.max(0, MAX_OUTPUT - kept.size())));
            }
        } catch (IOException e) {
            // the command's end closes the pipe
        }
        return kept.toString(StandardCharsets.UTF_8);
    }

    private static String nsenter() {
        for (String dir : new String[] {"/usr/bin", "/bin"}) {
            if (Files.isExecutable(Path.of(dir, "nsenter"))) {
                return dir + "/nsenter";
            }
        }
        return "nsenter";
    }
}

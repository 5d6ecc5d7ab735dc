package org.jvirt.driver.lxc.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;

import org.jvirt.api.spi.DomainRef;

/**
 * A stand-in daemon for {@link DaemonKillTest}: in its own JVM, defines and starts a container
 * whose init counts in {@code out/count}, prints {@code READY <init pid> <monitor pid>} and waits
 * to be killed.
 */
public final class ContainerStarterMain {
    private ContainerStarterMain() {
    }

    static String counterXml(String name, Path root, Path out) {
        String script = "n=0; while :; do n=$((n+1)); echo $n > /out/count; usleep 20000; done";
        return ContainerLifecycleTest.xml(name, root, out, out, "").replaceFirst("(?s)<init>.*</os>",
                Matcher.quoteReplacement("<init>/bin/sh</init>\n    <initarg>-c</initarg>\n    <initarg>"
                        + script.replace(">", "&gt;") + "</initarg>\n  </os>"));
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        LxcTestBed bed = new LxcTestBed(dir);
        Path root = bed.rootfs("root");
        Path out = Files.createDirectories(dir.resolve("out"));
        DomainRef ref = bed.conn.defineXml(counterXml(args[1], root, out), 0);
        bed.conn.create(ref, 0);
        ContainerProcess proc = bed.process(ref);
        System.out.println("READY " + proc.initPid() + " " + proc.monitorPid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}

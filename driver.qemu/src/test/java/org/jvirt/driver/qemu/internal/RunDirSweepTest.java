package org.jvirt.driver.qemu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run folder keeps what running guests own and loses what guests a killed daemon left behind. */
class RunDirSweepTest {
    @TempDir
    Path run;

    @Test
    void removesTheFilesOfGuestsThatDoNotRunOnly() throws Exception {
        UUID running = UUID.randomUUID();
        UUID gone = UUID.randomUUID();
        QemuDomainObj live = new QemuDomainObj(running, "web1");
        live.attach(3, null, 4242, 1, run.resolve("domain-3-web1").resolve("monitor.sock"), run.resolve("web1.log"));
        QemuDomainObj stopped = new QemuDomainObj(gone, "web2");
        for (String f : List.of(running + ".pid", gone + ".pid", "autostarted",
                "notes.txt")) {
            Files.writeString(run.resolve(f), "x");
        }
        Files.createDirectories(run.resolve("domain-3-web1"));
        Files.writeString(Files.createDirectories(run.resolve("domain-7-web2")).resolve("master-key.aes"), "k");
        Files.createDirectories(run.resolve("channel"));

        new RunDirSweep(run).sweep(List.of(live, stopped));

        try (Stream<Path> left = Files.list(run)) {
            assertEquals(Set.of(running + ".pid", "autostarted", "channel", "domain-3-web1",
                    "notes.txt"), left.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }
    }
}

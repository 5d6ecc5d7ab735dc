package org.jvirt.driver.qemu.internal;

import java.nio.file.Path;
import java.util.UUID;

import org.jvirt.api.spi.DomainRef;

/**
 * A stand-in for the daemon in {@link StartKillTest}: a separate JVM that runs the QEMU driver
 * over the given folder and starts one guest; when the start reaches the given step it prints
 * {@code AT <step> <pid>} and stops there, holding the domain, until it is killed.
 * Arguments: the folder, the step ({@link StartObserver.Stage}), the guest name, the UUID,
 * {@code persistent} or {@code transient}.
 */
public final class StartKillMain {
    private StartKillMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        StartObserver.Stage at = StartObserver.Stage.valueOf(args[1]);
        String xml = TestBed.xml(args[2], UUID.fromString(args[3]), 1, "");
        TestBed bed = new TestBed(dir, (stage, dom) -> {
            if (stage == at) {
                System.out.println("AT " + stage + " " + dom.pid());
                System.out.flush();
                sleepForever();
            }
        });
        if ("transient".equals(args[4])) {
            bed.conn.createXml(xml, 0);
        } else {
            DomainRef ref = bed.conn.defineXml(xml, 0);
            bed.conn.create(ref, 0);
        }
        System.out.println("NOT STOPPED");
        System.out.flush();
        sleepForever();
    }

    private static void sleepForever() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

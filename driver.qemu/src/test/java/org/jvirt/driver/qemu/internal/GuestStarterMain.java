package org.jvirt.driver.qemu.internal;

import java.nio.file.Path;
import java.util.UUID;

import org.jvirt.api.spi.DomainRef;

/**
 * A stand-in for the daemon in {@link DaemonKillTest}: a separate JVM that runs the QEMU driver
 * over the given folder, starts guests, prints their PIDs and waits to be killed.
 * Arguments: the folder, the number of guests.
 */
public final class GuestStarterMain {
    private GuestStarterMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        TestBed bed = new TestBed(dir);
        StringBuilder pids = new StringBuilder("READY");
        for (int i = 0; i < n; i++) {
            String xml = TestBed.xml("daemon" + i, UUID.randomUUID(), 2, "");
            DomainRef ref = i % 2 == 0 ? bed.conn.createXml(xml, 0) : bed.conn.defineXml(xml, 0);
            if (i % 2 == 1) {
                bed.conn.create(ref, 0);
            }
            pids.append(' ').append(bed.pid(ref));
        }
        System.out.println(pids);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}

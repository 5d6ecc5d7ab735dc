package org.jvirt.shell.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.spi.HostDirectories;
import org.jvirt.api.spi.HypervisorDriver;
import org.jvirt.core.internal.CoreConnectionFactory;
import org.jvirt.core.store.FileStateStore;
import org.jvirt.storage.internal.StorageDriverComponent;
import org.jvirt.storage.internal.StorageHypervisorDriver;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

/**
 * virt:pool-* and virt:vol-* on the real core and storage driver. The texts are what virsh 9.0
 * prints for the same commands (rpc.bundle's VirshStorageTest runs real virsh against jvirtd).
 */
class StorageCommandsTest {
    @TempDir
    Path dir;
    private StorageCommands commands;
    private String uri;

    @BeforeEach
    void platform() throws Exception {
        CoreConnectionFactory core = new CoreConnectionFactory(Duration.ofSeconds(1));
        DomainXmlCodecImpl codec = new DomainXmlCodecImpl();
        core.addDriver(new StorageHypervisorDriver(), Map.of(HypervisorDriver.SCHEMES, new String[] {"storage"}));
        core.bindStorageDriver(new StorageDriverComponent(new FileStateStore(dir.resolve("state")), codec, "qemu-img"));
        commands = new StorageCommands(core);
        uri = "storage:///" + (HostDirectories.isRoot() ? "system" : "session");
    }

    private String[] run(String command, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "-c";
        all[1] = uri;
        System.arraycopy(args, 0, all, 2, args.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        commands.run(command, all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void printsWhatVirshPrints() {
        Path target = dir.resolve("images");
        assertArrayEquals(new String[] {"Pool p1 defined\n\n", ""}, run("pool-define-as", "p1", "dir", "--target", target.toString()));
        assertArrayEquals(new String[] {"Pool p1 built\n\n", ""}, run("pool-build", "p1"));
        assertArrayEquals(new String[] {"Pool p1 started\n\n", ""}, run("pool-start", "p1"));
        assertArrayEquals(new String[] {" Name   State    Autostart\n----------------------------\n p1     active   no\n\n", ""},
                run("pool-list"));
        assertArrayEquals(new String[] {"Pool p1 marked as autostarted\n\n", ""}, run("pool-autostart", "p1"));
        assertArrayEquals(new String[] {"Vol v1.qcow2 created\n\n", ""},
                run("vol-create-as", "p1", "v1.qcow2", "10M", "--format", "qcow2"));
        String[] info = run("vol-info", "v1.qcow2", "--pool", "p1");
        assertTrue(info[0].startsWith("Name:           v1.qcow2\nType:           file\nCapacity:       10.00 MiB\n"
                + "Allocation:     "), info[0]);
        String path = target.resolve("v1.qcow2").toString();
        assertArrayEquals(new String[] {path + "\n\n", ""}, run("vol-path", path));
        assertArrayEquals(new String[] {"Vol v2.qcow2 cloned from v1.qcow2\n\n", ""}, run("vol-clone", path, "v2.qcow2"));
        assertArrayEquals(new String[] {"Size of volume 'v2.qcow2' successfully changed to 20M\n\n", ""},
                run("vol-resize", "v2.qcow2", "20M", "--pool", "p1"));
        assertTrue(run("vol-info", "v2.qcow2", "--pool", "p1")[0].contains("Capacity:       20.00 MiB\n"));
        String[] list = run("vol-list", "p1");
        assertTrue(list[0].contains(" v1.qcow2   " + path + "\n"), list[0]);
        assertArrayEquals(new String[] {"Vol v1.qcow2 deleted\n\n", ""}, run("vol-delete", "v1.qcow2", "--pool", "p1"));
        assertFalse(Files.exists(Path.of(path)));
        assertArrayEquals(new String[] {"\n", "error: failed to get vol 'v1.qcow2'\n"
                + "error: Storage volume not found: no storage vol with matching path 'v1.qcow2'\n"},
                run("vol-info", "v1.qcow2", "--pool", "p1"));
        String[] pinfo = run("pool-info", "p1");
        assertTrue(pinfo[0].contains("State:          running\nPersistent:     yes\nAutostart:      yes\nCapacity:       "),
                pinfo[0]);
        assertArrayEquals(new String[] {"\n", "error: Failed to undefine pool p1\n"
                + "error: Requested operation is not valid: storage pool 'p1' is still active\n"}, run("pool-undefine", "p1"));
        assertArrayEquals(new String[] {"Vol v2.qcow2 deleted\n\n", ""}, run("vol-delete", "v2.qcow2", "--pool", "p1"));
        assertArrayEquals(new String[] {"Pool p1 destroyed\n\n", ""}, run("pool-destroy", "p1"));
        assertArrayEquals(new String[] {"Pool p1 deleted\n\n", ""}, run("pool-delete", "p1"));
        assertFalse(Files.exists(target));
        assertArrayEquals(new String[] {"Pool p1 has been undefined\n\n", ""}, run("pool-undefine", "p1"));
        assertArrayEquals(new String[] {"\n", "error: failed to get pool 'p1'\n"
                + "error: Storage pool not found: no storage pool with matching name 'p1'\n"}, run("pool-info", "p1"));
        assertEquals(23, StorageCommands.names().size());
    }
}

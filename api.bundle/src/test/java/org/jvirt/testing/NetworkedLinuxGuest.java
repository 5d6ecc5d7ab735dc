package org.jvirt.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small real Linux guest for network interface tests: Debian's kernel (see {@link LinuxGuest})
 * with a busybox initramfs that loads virtio-net, brings every {@code ethN} that appears up with
 * address {@code 192.168.<5th MAC byte>.<6th MAC byte>/24} (so a test picks the guest's address
 * with the MAC it plugs), and reports its {@code eth} list on its console ttyS0 whenever it
 * changes, as {@code JVIRT-NET: [eth0 eth1 ]}. Missing kernel, modules or busybox fail with a
 * message naming what to install.
 *
 * @param kernel the kernel image
 * @param initrd the initramfs written by {@link #prepare}
 */
public record NetworkedLinuxGuest(Path kernel, Path initrd) {
    private static final Path BUSYBOX = Path.of("/bin/busybox");
    /** Under the kernel's modules folder, in load order. */
    private static final List<String> MODULES = List.of("drivers/virtio/virtio_ring", "drivers/virtio/virtio",
            "drivers/virtio/virtio_pci_modern_dev", "drivers/virtio/virtio_pci_legacy_dev",
            "drivers/virtio/virtio_pci", "net/core/failover", "drivers/net/net_failover", "drivers/net/virtio_net");
    private static final String INIT = """
            #!/bin/busybox sh
            /bin/busybox --install -s /bin
            mkdir -p /proc /sys /dev
            mount -t proc proc /proc
            mount -t sysfs sys /sys
            for m in %s; do insmod /lib/$m.ko; done
            prev=none
            while true; do
              l=$(ls /sys/class/net | grep eth | tr '\\n' ' ')
              for e in $l; do
                # a subshell: a NIC unplugged meanwhile fails it, not init
                ( ip -4 addr show dev $e | grep -q inet && exit 0
                  mac=$(cat /sys/class/net/$e/address) || exit 0
                  a=$(echo $mac | cut -d: -f5); b=$(echo $mac | cut -d: -f6)
                  ip link set $e up && ip addr add 192.168.$((0x$a)).$((0x$b))/24 dev $e ) 2>/dev/null
              done
              if [ "$l" != "$prev" ]; then echo "JVIRT-NET: [$l]"; prev="$l"; fi
              sleep 0.3
            done
            """;

    /**
     * Writes the initramfs and a copy of the kernel (readable by any user QEMU runs as) into
     * {@code dir}; fails naming what is missing.
     */
    public static NetworkedLinuxGuest prepare(Path dir) throws IOException {
        Path kernel = LinuxGuest.findKernel().orElseThrow(() -> new AssertionError("no Linux kernel for the test "
                + "guest: install linux-image-amd64 (.ci/run does) or name one with -Djvirt.test.kernel"));
        String version = kernel.getFileName().toString().replaceFirst("^vmlinuz-", "");
        Path modules = List.of(kernel.toAbsolutePath().getParent().resolveSibling("lib/modules").resolve(version),
                        Path.of("/lib/modules", version)).stream()
                .filter(p -> MODULES.stream().allMatch(m -> Files.isReadable(p.resolve("kernel/" + m + ".ko"))))
                .findFirst().orElseThrow(() -> new AssertionError("no virtio-net modules for " + kernel
                        + " in /lib/modules: install the linux-image-amd64 package that holds the kernel"));
        if (!Files.isExecutable(BUSYBOX)) {
            throw new AssertionError("no " + BUSYBOX + " for the test guest: install busybox-static (.ci/run does)");
        }
        Map<String, byte[]> extras = new LinkedHashMap<>();
        for (String m : MODULES) {
            extras.put("lib/" + name(m) + ".ko", Files.readAllBytes(modules.resolve("kernel/" + m + ".ko")));
        }
        Path initrd = dir.resolve("net-initrd.gz");
        Initramfs.write(BUSYBOX, INIT.formatted(String.join(" ", MODULES.stream().map(NetworkedLinuxGuest::name)
                .toList())), extras, initrd);
        Path copy = Files.copy(kernel, dir.resolve("net-vmlinuz"));
        copy.toFile().setReadable(true, false);
        initrd.toFile().setReadable(true, false);
        return new NetworkedLinuxGuest(copy, initrd);
    }

    /** {@code <os>} and {@code <features>} booting this guest with its console on ttyS0, and ACPI on. */
    public String osAndFeaturesXml() {
        return "<os><type arch='x86_64' machine='pc'>hvm</type><kernel>" + kernel + "</kernel>"
                + "<initrd>" + initrd + "</initrd><cmdline>console=ttyS0 panic=-1 quiet</cmdline></os>"
                + "<features><acpi/></features>";
    }

    /**
     * Waits (3 minutes at most) until the last interface list the guest printed on {@code console}
     * (a file) ends with {@code list}, e.g. {@code "[eth0 ]"}, and, if given, {@code earlier} was printed before.
     */
    public static void awaitInterfaces(Path console, String list, String... earlier) throws Exception {
        long deadline = System.nanoTime() + 180_000_000_000L;
        String out = "";
        while (System.nanoTime() < deadline) {
            out = Files.exists(console) ? Files.readString(console) : "";
            List<String> lines = out.lines().filter(l -> l.contains("JVIRT-NET:")).map(String::strip).toList();
            if (!lines.isEmpty() && lines.get(lines.size() - 1).endsWith("JVIRT-NET: " + list)
                    && (earlier.length == 0 || lines.stream().anyMatch(l -> l.endsWith("JVIRT-NET: " + earlier[0])))) {
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("the guest never reported " + list + "; its console:\n" + out);
    }

    private static String name(String module) {
        return module.substring(module.lastIndexOf('/') + 1);
    }
}

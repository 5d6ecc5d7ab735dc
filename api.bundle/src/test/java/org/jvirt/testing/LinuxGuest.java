package org.jvirt.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A small real Linux guest for tests of power events and consoles: Debian's kernel
 * ({@code linux-image-amd64} in /boot, or the file named by {@code -Djvirt.test.kernel}) with a
 * busybox initramfs built here. Its console is ttyS0; it prints {@link #READY} once per boot, runs
 * a shell on the console, and powers off on the ACPI power button (busybox's acpid with the
 * kernel's evdev and button modules).
 * <p>
 * The kernel is installed by {@code .ci/run}: when it (or its modules, or busybox-static) is
 * missing, {@link #prepare} fails with a message naming what to install, rather than skipping.
 *
 * @param kernel the kernel image
 * @param initrd the initramfs written by {@link #prepare}
 */
public record LinuxGuest(Path kernel, Path initrd) {
    /** Printed on the console at the end of each boot. */
    public static final String READY = "JVIRT-LINUX-READY";
    private static final Path BUSYBOX = Path.of("/bin/busybox");
    private static final String INIT = """
            #!/bin/busybox sh
            /bin/busybox --install -s /bin
            mkdir -p /proc /sys /dev
            mount -t proc proc /proc
            mount -t sysfs sys /sys
            mount -t devtmpfs dev /dev
            # the ACPI power button: busybox's acpid runs /etc/acpi/PWRF/00000080 on it
            insmod /lib/evdev.ko
            insmod /lib/button.ko
            acpid -f -c /etc/acpi -l /dev/null &
            sleep 1
            echo JVIRT-LINUX-READY
            while true; do setsid cttyhack sh; done
            """;

    /** Writes the initramfs into {@code dir}; fails naming what is missing. */
    public static LinuxGuest prepare(Path dir) throws IOException {
        Path kernel = findKernel().orElseThrow(() -> new AssertionError("no Linux kernel for the test guest: "
                + "install linux-image-amd64 (.ci/run does) or name one with -Djvirt.test.kernel"));
        Path modules = modules(kernel).orElseThrow(() -> new AssertionError("no evdev.ko and button.ko for "
                + kernel + " in /lib/modules: install the linux-image-amd64 package that holds the kernel"));
        if (!Files.isExecutable(BUSYBOX)) {
            throw new AssertionError("no " + BUSYBOX + " for the test guest: install busybox-static (.ci/run does)");
        }
        Path initrd = dir.resolve("initrd.gz");
        Initramfs.write(BUSYBOX, INIT, Map.of(
                "lib/evdev.ko", Files.readAllBytes(modules.resolve("kernel/drivers/input/evdev.ko")),
                "lib/button.ko", Files.readAllBytes(modules.resolve("kernel/drivers/acpi/button.ko")),
                "etc/acpi/PWRF/00000080", "#!/bin/sh\npoweroff -f\n".getBytes(StandardCharsets.US_ASCII)), initrd);
        return new LinuxGuest(kernel, initrd);
    }

    /** {@code <os>} booting this guest with its console on ttyS0, and ACPI on. */
    public String osAndFeaturesXml() {
        return "<os><type arch='x86_64' machine='pc'>hvm</type><kernel>" + kernel + "</kernel>"
                + "<initrd>" + initrd + "</initrd><cmdline>console=ttyS0 panic=-1 quiet</cmdline></os>"
                + "<features><acpi/></features>";
    }

    /** The named kernel, else the newest readable /boot/vmlinuz-*. */
    public static Optional<Path> findKernel() throws IOException {
        String named = System.getProperty("jvirt.test.kernel", "");
        if (!named.isEmpty()) {
            return Optional.of(Path.of(named)).filter(Files::isReadable);
        }
        Path boot = Path.of("/boot");
        if (!Files.isDirectory(boot)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(boot)) {
            return s.filter(p -> p.getFileName().toString().startsWith("vmlinuz-")).filter(Files::isReadable)
                    .max(Comparator.naturalOrder());
        }
    }

    /** The modules of {@code kernel} ({@code vmlinuz-VERSION}) with evdev and button: see {@link #modules(Path, List)}. */
    public static Optional<Path> modules(Path kernel) {
        return modules(kernel, List.of("drivers/acpi/button", "drivers/input/evdev"));
    }

    /**
     * The modules folder of {@code kernel} ({@code vmlinuz-VERSION}) that holds every one of {@code modules}:
     * beside its boot folder, else the host's {@code /lib/modules/VERSION}.
     *
     * @param modules module paths below the folder's {@code kernel/}, without {@code .ko}
     *                ({@code drivers/virtio/virtio_ring})
     */
    public static Optional<Path> modules(Path kernel, List<String> modules) {
        String version = kernel.getFileName().toString().replaceFirst("^vmlinuz-", "");
        Path boot = kernel.toAbsolutePath().getParent();
        List<Path> candidates = boot.getParent() == null ? List.of(Path.of("/lib/modules", version))
                : List.of(boot.getParent().resolve("lib/modules").resolve(version), Path.of("/lib/modules", version));
        return candidates.stream().filter(p -> modules.stream()
                .allMatch(m -> Files.isReadable(p.resolve("kernel/" + m + ".ko")))).findFirst();
    }

    /**
     * The initramfs entries that carry {@code modules} from {@code modulesDir} (found by {@link #modules(Path, List)}):
     * {@code lib/NAME.ko} each, in order, for an init that loads them with {@code insmod /lib/NAME.ko}.
     */
    public static Map<String, byte[]> moduleFiles(Path modulesDir, List<String> modules) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String m : modules) {
            files.put("lib/" + moduleName(m) + ".ko", Files.readAllBytes(modulesDir.resolve("kernel/" + m + ".ko")));
        }
        return files;
    }

    /** The names of {@code modules} separated by spaces, in order, for an init's {@code for m in ...; do insmod}. */
    public static String moduleNames(List<String> modules) {
        return String.join(" ", modules.stream().map(LinuxGuest::moduleName).toList());
    }

    private static String moduleName(String module) {
        return module.substring(module.lastIndexOf('/') + 1);
    }
}

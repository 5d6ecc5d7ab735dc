package org.jvirt.driver.qemu.internal.command;

/**
 * Size scaling for parts the domain model keeps unmodelled (the feature states and the Hyper-V mode
 * libvirt completes while parsing are now written by the codec).
 */
final class GenericDefaults {
    private GenericDefaults() {
    }

    /** virScaleInteger: a size in {@code unit} (default KiB) as KiB, rounded up. */
    static long toKib(String value, String unit) {
        long v = Long.parseLong(value);
        long bytes;
        String u = unit == null ? "KiB" : unit;
        long scale = switch (u) {
            case "b", "bytes" -> 1L;
            case "KB" -> 1000L;
            case "k", "K", "KiB" -> 1024L;
            case "MB" -> 1000L * 1000;
            case "m", "M", "MiB" -> 1024L * 1024;
            case "GB" -> 1000L * 1000 * 1000;
            case "g", "G", "GiB" -> 1024L * 1024 * 1024;
            case "TB" -> 1000L * 1000 * 1000 * 1000;
            case "t", "T", "TiB" -> 1024L * 1024 * 1024 * 1024;
            default -> 1024L;
        };
        if (v == -1 || v >= Long.MAX_VALUE / scale) {
            return v;
        }
        bytes = v * scale;
        return (bytes + 1023) / 1024;
    }
}

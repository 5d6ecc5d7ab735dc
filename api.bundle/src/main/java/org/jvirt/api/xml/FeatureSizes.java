package org.jvirt.api.xml;

/** Sizes inside {@code <features>} (TSEG, HPT page size, TB cache) as KiB; the codec checked the numbers. */
final class FeatureSizes {
    private FeatureSizes() {
    }

    /** The element's number scaled from its {@code unit} (or {@code defaultUnit}) to KiB, or null. */
    static Long kib(XmlElement e, String defaultUnit) {
        if (e == null || e.text() == null || e.text().isBlank()) {
            return null;
        }
        String unit = e.attribute("unit") == null ? defaultUnit : e.attribute("unit");
        long scale = switch (unit) {
            case "b", "bytes" -> 1L;
            case "KB" -> 1000L;
            case "MB" -> 1000L * 1000;
            case "m", "M", "MiB" -> 1024L * 1024;
            case "GB" -> 1000L * 1000 * 1000;
            case "g", "G", "GiB" -> 1024L * 1024 * 1024;
            case "TB" -> 1000L * 1000 * 1000 * 1000;
            case "t", "T", "TiB" -> 1024L * 1024 * 1024 * 1024;
            default -> 1024L;
        };
        // the codec already rejected what is not a number (libvirt's wording); this only converts
        long v = Long.parseLong(e.text().trim());
        return (v * scale + 1023) / 1024;
    }
}

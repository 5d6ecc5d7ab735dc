package org.jvirt.shell.internal;

import java.util.Locale;

/**
 * virsh's scaled sizes ({@code vshCommandOptScaledInt} with {@code virScaleInteger}): a number
 * with an optional unit, {@code k}/{@code KiB}/{@code M}/{@code G}/... in powers of 1024,
 * {@code KB}/{@code MB}/... in powers of 1000, {@code b} or {@code bytes} for bytes; no unit means
 * the default scale.
 */
final class ScaledSize {
    private static final String UNITS = "kmgtpe";

    private ScaledSize() {
    }

    /**
     * The size in bytes.
     *
     * @throws CommandFailure with virsh's messages when the number or its unit is not one
     */
    static long bytes(String text, String option, long defaultScale) throws CommandFailure {
        String malformed = "Scaled numeric value '" + text + "' for <" + option + "> option is malformed or out of "
                + "range";
        int end = 0;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        if (end == 0) {
            throw new CommandFailure(malformed, null);
        }
        long value;
        try {
            value = Long.parseLong(text.substring(0, end));
        } catch (NumberFormatException e) {
            throw new CommandFailure(malformed, null);
        }
        String suffix = text.substring(end);
        long scale = scale(suffix, defaultScale);
        if (scale < 0) {
            throw new CommandFailure(malformed + "\nerror: invalid argument: unknown suffix '" + suffix + "'", null);
        }
        if (value != 0 && Long.MAX_VALUE / value < scale) {
            throw new CommandFailure(malformed + "\nerror: numerical overflow: value too large: " + value + suffix, null);
        }
        return value * scale;
    }

    /** The multiplier of {@code suffix}, or -1 when it is no unit. */
    private static long scale(String suffix, long defaultScale) {
        if (suffix.isEmpty()) {
            return defaultScale;
        }
        String s = suffix.toLowerCase(Locale.ROOT);
        if (s.equals("b") || s.equals("byte") || s.equals("bytes")) {
            return 1;
        }
        int power = UNITS.indexOf(s.charAt(0)) + 1;
        if (power == 0) {
            return -1;
        }
        String rest = s.substring(1);
        long base;
        if (rest.isEmpty() || rest.equals("ib")) {
            base = 1024;
        } else if (rest.equals("b")) {
            base = 1000;
        } else {
            return -1;
        }
        long scale = 1;
        for (int i = 0; i < power; i++) {
            scale *= base;
        }
        return scale;
    }
}

package org.jvirt.shell.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** virsh's field formatting shared by the commands ({@code "%-15s %s\n"}, seconds with one decimal). */
final class Fields {
    private Fields() {
    }

    /** One {@code Label:        value} line, as virsh's {@code vshPrint(ctl, "%-15s %s\n", ...)}. */
    static String line(String label, Object value) {
        StringBuilder sb = new StringBuilder(label);
        while (sb.length() < 15) {
            sb.append(' ');
        }
        return sb.append(' ').append(value).append('\n').toString();
    }

    /**
     * Nanoseconds as virsh prints CPU time: {@code %.1lfs} of {@code ns / 1e9} computed in double.
     * BigDecimal of the double with half-even rounding gives glibc's printf result exactly.
     */
    static String seconds(long nanos) {
        double seconds = nanos / 1_000_000_000.0;
        return new BigDecimal(seconds).setScale(1, RoundingMode.HALF_EVEN).toPlainString() + "s";
    }
}

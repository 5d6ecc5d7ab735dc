package org.jvirt.api.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes libvirt's bitmap syntax ({@code 0-3,^2,8}). Every text is either refused with libvirt's
 * INVALID_ARG or parsed into a bitmap below {@link Bitmap#MAX_BITS} whose formatted form parses
 * back to the same bits and formats identically. Only characters libvirt's virBitmapParse reads
 * (ASCII digits, {@code , - ^} and blanks) may be accepted. Regression mode runs the committed
 * inputs (src/test/resources/.../BitmapFuzzTestInputs/roundTrip); README "Fuzzing" tells how to fuzz.
 */
class BitmapFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void roundTrip(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        Bitmap parsed;
        try {
            parsed = Bitmap.parse(text);
        } catch (VirtException e) {
            assertEquals(ErrorCode.INVALID_ARG, e.code(), e.getMessage());
            return;
        }
        assertTrue(text.chars().allMatch(BitmapFuzzTest::libvirtChar), () -> "accepted '" + text + "'");
        assertTrue(parsed.bits().length() <= Bitmap.MAX_BITS, text);
        String formatted = parsed.format();
        if (formatted.isEmpty()) {
            return; // "0,^0": every bit excluded; libvirt formats an empty bitmap as "" too
        }
        try {
            Bitmap again = Bitmap.parse(formatted);
            assertEquals(parsed, again, text);
            assertEquals(formatted, again.format(), text);
        } catch (VirtException e) {
            throw new AssertionError("'" + text + "' formatted as '" + formatted + "', which does not parse", e);
        }
    }

    private static boolean libvirtChar(int c) {
        return (c >= '0' && c <= '9') || c == ',' || c == '-' || c == '^' || c == ' ' || c == '\t'
                || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }
}

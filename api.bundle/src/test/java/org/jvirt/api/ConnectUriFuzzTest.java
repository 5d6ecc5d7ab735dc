package org.jvirt.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes libvirt connection URIs. Every text is either refused with INVALID_ARG in the URI error
 * domain or parsed into a {@link ConnectUri} whose {@code toString()} parses back to an equal
 * value (the form the remote driver sends to the daemon). Regression mode runs the committed
 * inputs (src/test/resources/org/jvirt/api/ConnectUriFuzzTestInputs/roundTrip); README "Fuzzing"
 * tells how to fuzz.
 */
class ConnectUriFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void roundTrip(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        ConnectUri uri;
        try {
            uri = ConnectUri.parse(text);
        } catch (VirtException e) {
            assertEquals(ErrorCode.INVALID_ARG, e.code(), e.getMessage());
            assertEquals(ErrorDomain.URI, e.domain(), e.getMessage());
            return;
        }
        String formatted = uri.toString();
        try {
            assertEquals(uri, ConnectUri.parse(formatted), () -> "'" + text + "' formatted as '" + formatted + "'");
        } catch (VirtException e) {
            throw new AssertionError("'" + text + "' formatted as '" + formatted + "', which does not parse", e);
        }
    }
}

package org.jvirt.driver.qemu.internal.qmp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;

/**
 * Splits a QMP stream into lines (QEMU ends every message with CRLF) and bounds their length, so a
 * misbehaving emulator cannot make the driver buffer without limit.
 */
final class JsonLineReader {
    private final ReadableByteChannel channel;
    private final int maxLineBytes;
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    JsonLineReader(ReadableByteChannel channel, int maxLineBytes) {
        this.channel = channel;
        this.maxLineBytes = maxLineBytes;
        buffer.flip();
    }

    /** The next non-empty line, or null at end of stream. */
    String readLine() throws IOException {
        while (true) {
            while (buffer.hasRemaining()) {
                byte b = buffer.get();
                if (b == '\n') {
                    String text = line.toString(StandardCharsets.UTF_8).strip();
                    line.reset();
                    if (!text.isEmpty()) {
                        return text;
                    }
                } else {
                    if (line.size() >= maxLineBytes) {
                        throw new IOException("QMP message longer than " + maxLineBytes + " bytes");
                    }
                    line.write(b);
                }
            }
            buffer.clear();
            int n = channel.read(buffer);
            buffer.flip();
            if (n < 0) {
                return null;
            }
        }
    }
}

package org.jvirt.rpc.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.internal.xdr.XdrReader;
import org.jvirt.rpc.internal.xdr.XdrWriter;

class FramesTest {

    private static Frames.Source source(byte[] b) {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(b));
        return in::readFully;
    }

    @Test
    void lengthWordCountsItselfAndTheHeader() throws Exception {
        Message m = new Message(Programs.REMOTE, 1, 66, MessageType.CALL, 7, 0, new byte[] {0, 0, 0, 9});
        byte[] frame = m.encode();
        assertEquals(4 + 24 + 4, frame.length);
        assertEquals(32, frame[3]);
        assertEquals(0x20, frame[4] & 0xff);
        Message back = Frames.read(source(frame));
        assertEquals(m.prog(), back.prog());
        assertEquals(66, back.proc());
        assertEquals(7, back.serial());
        assertArrayEquals(m.payload(), back.payload());
    }

    @Test
    void lengthsOutsideLibvirtsBoundsAreFrameErrors() {
        byte[] tooBig = new XdrWriter().writeInt(Frames.MESSAGE_MAX + 1).toByteArray();
        assertThrows(Frames.FrameException.class, () -> Frames.read(source(tooBig)));
        byte[] tooSmall = new XdrWriter().writeInt(27).toByteArray();
        assertThrows(Frames.FrameException.class, () -> Frames.read(source(tooSmall)));
        byte[] negative = new XdrWriter().writeInt(-4).toByteArray();
        assertThrows(Frames.FrameException.class, () -> Frames.read(source(negative)));
    }

    @Test
    void truncatedFrameIsEndOfStream() {
        byte[] frame = new Message(Programs.REMOTE, 1, 1, 0, 1, 0, new byte[8]).encode();
        byte[] cut = Arrays.copyOf(frame, frame.length - 3);
        assertThrows(EOFException.class, () -> Frames.read(source(cut)));
    }

    @Test
    void remoteErrorRoundTripsLibvirtCodes() throws Exception {
        VirtException e = new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.TEST, "no domain with matching name 'x'");
        RemoteError back = RemoteError.decode(new XdrReader(RemoteError.of(e).encode()));
        assertEquals(42, back.code());
        assertEquals(12, back.domain());
        assertEquals("Domain not found: no domain with matching name 'x'", back.message());
        assertEquals(ErrorCode.NO_DOMAIN, back.toException().code());
    }
}

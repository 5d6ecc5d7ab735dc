package org.jvirt.rpc.internal.xdr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class XdrCodecTest {

    @Test
    void primitivesAreBigEndianFourByteUnits() throws Exception {
        byte[] b = new XdrWriter().writeInt(0x01020304).writeHyper(-2L).writeBool(true).toByteArray();
        assertArrayEquals(new byte[] {1, 2, 3, 4, -1, -1, -1, -1, -1, -1, -1, -2, 0, 0, 0, 1}, b);
        XdrReader r = new XdrReader(b);
        assertEquals(0x01020304, r.readInt());
        assertEquals(-2L, r.readHyper());
        assertTrue(r.readBool());
        r.expectEnd();
    }

    @Test
    void stringsArePaddedAndOptionalStringsCarryAFlag() throws Exception {
        byte[] b = new XdrWriter().writeString("abcde").writeOptString(null).writeOptString("é").toByteArray();
        // 4 length + 8 padded, 4 null flag, 4 flag + 4 length + 4 padded
        assertEquals(28, b.length);
        assertEquals(0, b[9], "padding is zero");
        XdrReader r = new XdrReader(b);
        assertEquals("abcde", r.readString());
        assertNull(r.readOptString());
        assertEquals("é", r.readOptString());
        r.expectEnd();
    }

    @Test
    void uuidAndCharArraysRoundTrip() throws Exception {
        UUID u = UUID.fromString("6695eb01-f6a4-8304-79aa-97f2502e193f");
        byte[] b = new XdrWriter().writeUuid(u).writeCharArray("i686", 32).toByteArray();
        assertEquals(16 + 32 * 4, b.length, "rpcgen encodes each char of char[32] in 4 bytes");
        assertEquals(0x66, b[0] & 0xff);
        XdrReader r = new XdrReader(b);
        assertEquals(u, r.readUuid());
        assertEquals("i686", r.readCharArray(32));
    }

    @Test
    void hostileLengthsAreRejectedBeforeAllocating() {
        byte[] huge = new XdrWriter().writeInt(Integer.MAX_VALUE).toByteArray();
        XdrException e = assertThrows(XdrException.class, () -> new XdrReader(huge).readString());
        assertTrue(e.getMessage().contains("exceeds maximum"), e.getMessage());
        byte[] negative = new XdrWriter().writeInt(-1).toByteArray();
        assertThrows(XdrException.class, () -> new XdrReader(negative).readOpaque(100));
        byte[] claimsMore = new XdrWriter().writeInt(1000).writeInt(0).toByteArray();
        e = assertThrows(XdrException.class, () -> new XdrReader(claimsMore).readString());
        assertTrue(e.getMessage().startsWith("truncated"), e.getMessage());
        byte[] overCap = new XdrWriter().writeInt(XdrReader.STRING_MAX + 1).toByteArray();
        assertThrows(XdrException.class, () -> new XdrReader(overCap).readString());
        assertThrows(XdrException.class, () -> new XdrReader(new byte[3]).readInt());
        assertThrows(XdrException.class, () -> new XdrReader(new byte[] {0, 0, 0}).readBool());
        byte[] padMissing = new XdrWriter().writeInt(5).writeRaw("abcde".getBytes()).toByteArray();
        e = assertThrows(XdrException.class, () -> new XdrReader(padMissing).readString());
        assertTrue(e.getMessage().startsWith("truncated"), "glibc's xdr_opaque reads the padding too: " + e.getMessage());
    }

    /** glibc's xdr_bool and xdr_pointer, as libvirtd decodes: every non-zero word is TRUE / present. */
    @Test
    void anyNonZeroWordIsTrueAndAnOptionalValueIsPresent() throws Exception {
        for (int w : new int[] {1, 2, 0x01000000, -1, Integer.MIN_VALUE}) {
            assertTrue(new XdrReader(new XdrWriter().writeInt(w).toByteArray()).readBool(), "word " + w);
            byte[] opt = new XdrWriter().writeInt(w).writeString("x").toByteArray();
            assertEquals("x", new XdrReader(opt).readOptString(), "marker " + w);
        }
        assertEquals(false, new XdrReader(new byte[4]).readBool());
    }

    /** glibc's xdr_opaque reads the padding without looking at it. */
    @Test
    void paddingBytesAreNotChecked() throws Exception {
        byte[] b = new XdrWriter().writeString("abcde").writeInt(7).toByteArray();
        b[9] = (byte) 0xa5;
        b[10] = 1;
        b[11] = (byte) 0xff;
        XdrReader r = new XdrReader(b);
        assertEquals("abcde", r.readString());
        assertEquals(7, r.readInt());
        byte[] uuid = new byte[16];
        assertArrayEquals(uuid, new XdrReader(uuid).readFixedOpaque(16));
    }

    /** libvirtd hands the decoded string on as a C string: it ends at the first NUL. */
    @Test
    void aStringEndsAtItsFirstNul() throws Exception {
        byte[] b = new XdrWriter().writeOpaque(new byte[] {'t', 'e', 0, 's', 't'}).toByteArray();
        assertEquals("te", new XdrReader(b).readString());
        assertEquals("", new XdrReader(new XdrWriter().writeOpaque(new byte[] {0}).toByteArray()).readString());
    }

    @Test
    void invalidUtf8AndTrailingBytesAreErrors() {
        byte[] bad = new XdrWriter().writeOpaque(new byte[] {(byte) 0xc3, 0x28}).toByteArray();
        assertThrows(XdrException.class, () -> new XdrReader(bad).readString());
        XdrReader r = new XdrReader(new XdrWriter().writeInt(1).writeInt(2).toByteArray());
        assertThrows(XdrException.class, () -> {
            r.readInt();
            r.expectEnd();
        });
    }

    /** ASCII takes a short cut, the rest the strict UTF-8 decoder: both give the characters sent. */
    @Test
    void asciiAndMultiByteStringsDecodeAlike() throws Exception {
        for (String text : new String[] {"", "pool-1/vol.qcow2", "caf\u00e9", "\u65e5\u672c", "a\ud83d\ude00b", "\u007f~"}) {
            byte[] b = new XdrWriter().writeString(text).writeInt(7).toByteArray();
            XdrReader r = new XdrReader(b);
            assertEquals(text, r.readString());
            assertEquals(7, r.readInt(), "the reader is past the string and its padding");
        }
        byte[] nulThenBad = new XdrWriter().writeOpaque(new byte[] {'o', 'k', 0, (byte) 0xff}).toByteArray();
        assertEquals("ok", new XdrReader(nulThenBad).readString(), "what follows the NUL is dropped unchecked");
    }

    /** The dispatcher's first pass: the same checks as readString, and the same place afterwards. */
    @Test
    void skipStringChecksWhatReadStringChecks() throws Exception {
        byte[] b = new XdrWriter().writeString("caf\u00e9").writeString("x").writeInt(9).toByteArray();
        XdrReader r = new XdrReader(b);
        r.skipString(XdrReader.STRING_MAX);
        r.skipString(XdrReader.STRING_MAX);
        assertEquals(9, r.readInt());
        XdrReader opt = new XdrReader(new XdrWriter().writeInt(1).writeString("y").writeInt(0).writeInt(5).toByteArray());
        opt.skipOptString();
        opt.skipOptString();
        assertEquals(5, opt.readInt());

        byte[] bad = new XdrWriter().writeOpaque(new byte[] {(byte) 0xc3, 0x28}).toByteArray();
        XdrException e = assertThrows(XdrException.class, () -> new XdrReader(bad).skipString(XdrReader.STRING_MAX));
        assertEquals("string is not valid UTF-8", e.getMessage());
        byte[] tooLong = new XdrWriter().writeString("abcdef").toByteArray();
        XdrException len = assertThrows(XdrException.class, () -> new XdrReader(tooLong).skipString(4));
        assertEquals(assertThrows(XdrException.class, () -> new XdrReader(tooLong).readString(4)).getMessage(), len.getMessage());
        byte[] truncated = java.util.Arrays.copyOf(tooLong, 9);
        assertThrows(XdrException.class, () -> new XdrReader(truncated).skipString(XdrReader.STRING_MAX));
    }
}

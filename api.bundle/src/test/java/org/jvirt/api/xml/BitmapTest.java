package org.jvirt.api.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.BitSet;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.junit.jupiter.api.Test;

class BitmapTest {
    @Test
    void parsesRangesAndExclusionsAndFormatsAsLibvirt() throws VirtException {
        Bitmap b = Bitmap.parse(" 0-3, ^2 ,8,9,10");
        assertEquals("0-1,3,8-10", b.format());
        assertEquals(6, b.bits().cardinality());
        assertEquals("", Bitmap.format(new BitSet()));
    }

    @Test
    void rejectsWhatLibvirtRejects() {
        for (String bad : new String[] {"", "a", "3-1", "-1", "^1-2", "0-16384", "1,,2"}) {
            VirtException e = assertThrows(VirtException.class, () -> Bitmap.parse(bad), bad);
            assertEquals(ErrorCode.INVALID_ARG, e.code());
            assertEquals("invalid argument: Failed to parse bitmap '" + bad + "'", e.getMessage());
        }
    }

    /** Found by BitmapFuzzTest: trim() and Integer.parseInt took more than libvirt's virBitmapParse. */
    @Test
    void takesOnlyAsciiDigitsAndCBlanks() throws VirtException {
        for (String bad : new String[] {"\0\0\08", "8\u001b", "+3", "1-+3", "\u0663", "^ 2"}) {
            VirtException e = assertThrows(VirtException.class, () -> Bitmap.parse(bad), bad);
            assertEquals(ErrorCode.INVALID_ARG, e.code());
        }
        assertEquals("1-3,8", Bitmap.parse("\t1 -\n3 ,\f8\u000b").format());
    }

    /** Found by DomainXmlFuzzTest: split(",") dropped trailing empty items, so "," and "1,," parsed. */
    @Test
    void acceptsOneTrailingCommaOnly() throws VirtException {
        assertEquals("1", Bitmap.parse("1,").format());
        assertEquals("1", Bitmap.parse("1, ").format());
        for (String bad : new String[] {",", " , ", "1,,", ",1", "1,,2"}) {
            VirtException e = assertThrows(VirtException.class, () -> Bitmap.parse(bad), bad);
            assertEquals(ErrorCode.INVALID_ARG, e.code());
        }
    }

    @Test
    void keepsACopy() throws VirtException {
        BitSet bits = new BitSet();
        bits.set(1);
        Bitmap b = new Bitmap(bits);
        bits.set(2);
        b.bits().set(3);
        assertEquals("1", b.format());
    }
}

package org.jvirt.driver.esx.vmx;

import java.util.UUID;

/** UUIDs in VMX files: {@code uuid.bios = "56 4d 9b ef ac d9 b4 e0-c8 f0 ae a8 b9 10 35 15"}. */
public final class VmxUuid {
    private VmxUuid() {
    }

    /** virUUIDParse: 16 hex pairs, any {@code -} or blank between them; null when malformed. */
    public static UUID parse(String text) {
        byte[] bytes = new byte[16];
        int i = 0;
        int cur = 0;
        while (cur < text.length() && Character.isWhitespace(text.charAt(cur))) {
            cur++;
        }
        while (i < 16) {
            if (cur >= text.length()) {
                return null;
            }
            char c = text.charAt(cur);
            if (c == '-' || c == ' ') {
                cur++;
                continue;
            }
            if (cur + 1 >= text.length()) {
                return null;
            }
            int hi = Character.digit(c, 16);
            int lo = Character.digit(text.charAt(cur + 1), 16);
            if (hi < 0 || lo < 0 || c > 'f' || text.charAt(cur + 1) > 'f') {
                return null;
            }
            bytes[i++] = (byte) (hi << 4 | lo);
            cur += 2;
        }
        for (; cur < text.length(); cur++) {
            if (!Character.isWhitespace(text.charAt(cur))) {
                return null;
            }
        }
        long msb = 0;
        long lsb = 0;
        for (int k = 0; k < 8; k++) {
            msb = msb << 8 | (bytes[k] & 0xff);
            lsb = lsb << 8 | (bytes[k + 8] & 0xff);
        }
        return new UUID(msb, lsb);
    }

    /** The VMX form: {@code 56 4d 9b ef ac d9 b4 e0-c8 f0 ae a8 b9 10 35 15}. */
    static String format(UUID uuid) {
        String hex = uuid.toString().replace("-", "");
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < 16; k++) {
            if (k > 0) {
                b.append(k == 8 ? '-' : ' ');
            }
            b.append(hex, 2 * k, 2 * k + 2);
        }
        return b.toString();
    }
}

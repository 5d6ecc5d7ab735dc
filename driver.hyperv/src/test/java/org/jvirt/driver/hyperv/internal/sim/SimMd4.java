package org.jvirt.driver.hyperv.internal.sim;

/**
 * MD4 (RFC 1320), which NTLM's NTOWF hashes the password with. The JDK has it only inside
 * {@code sun.security.provider}, so the simulator carries its own; {@code NtlmServerTest} checks it
 * against RFC 1320's test suite (appendix A.5).
 */
final class SimMd4 {
    private SimMd4() {
    }

    static byte[] digest(byte[] message) {
        long bitLength = (long) message.length * 8;
        int padded = ((message.length + 8) / 64 + 1) * 64;
        byte[] data = new byte[padded];
        System.arraycopy(message, 0, data, 0, message.length);
        data[message.length] = (byte) 0x80;
        for (int i = 0; i < 8; i++) {
            data[padded - 8 + i] = (byte) (bitLength >>> (8 * i));
        }
        int a = 0x67452301;
        int b = 0xefcdab89;
        int c = 0x98badcfe;
        int d = 0x10325476;
        int[] x = new int[16];
        for (int block = 0; block < padded; block += 64) {
            for (int i = 0; i < 16; i++) {
                int o = block + 4 * i;
                x[i] = (data[o] & 0xff) | (data[o + 1] & 0xff) << 8 | (data[o + 2] & 0xff) << 16
                        | (data[o + 3] & 0xff) << 24;
            }
            int aa = a;
            int bb = b;
            int cc = c;
            int dd = d;
            int[] s1 = {3, 7, 11, 19};
            for (int i = 0; i < 16; i++) { // round 1: F(x,y,z) = xy v not(x)z
                int t = a + ((b & c) | (~b & d)) + x[i];
                a = d;
                d = c;
                c = b;
                b = Integer.rotateLeft(t, s1[i % 4]);
            }
            int[] s2 = {3, 5, 9, 13};
            for (int i = 0; i < 16; i++) { // round 2: G(x,y,z) = xy v xz v yz, + 0x5A827999
                int k = (i % 4) * 4 + i / 4;
                int t = a + ((b & c) | (b & d) | (c & d)) + x[k] + 0x5a827999;
                a = d;
                d = c;
                c = b;
                b = Integer.rotateLeft(t, s2[i % 4]);
            }
            int[] s3 = {3, 9, 11, 15};
            int[] order = {0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15};
            for (int i = 0; i < 16; i++) { // round 3: H(x,y,z) = x xor y xor z, + 0x6ED9EBA1
                int t = a + (b ^ c ^ d) + x[order[i]] + 0x6ed9eba1;
                a = d;
                d = c;
                c = b;
                b = Integer.rotateLeft(t, s3[i % 4]);
            }
            a += aa;
            b += bb;
            c += cc;
            d += dd;
        }
        byte[] out = new byte[16];
        int[] words = {a, b, c, d};
        for (int i = 0; i < 16; i++) {
            out[i] = (byte) (words[i / 4] >>> (8 * (i % 4)));
        }
        return out;
    }
}

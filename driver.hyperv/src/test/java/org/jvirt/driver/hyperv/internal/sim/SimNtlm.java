package org.jvirt.driver.hyperv.internal.sim;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server side of NTLM as a Windows host's HTTP stack answers it, written from Microsoft's
 * "[MS-NLMP]: NT LAN Manager (NTLM) Authentication Protocol": section 2.2.1.1 NEGOTIATE_MESSAGE,
 * 2.2.1.2 CHALLENGE_MESSAGE (the server challenge, the target name and the AV pairs of 2.2.2.1),
 * 2.2.1.3 AUTHENTICATE_MESSAGE, and 3.3.2 "NTLM v2 Authentication" for the check:
 * {@code NTOWFv2 = HMAC_MD5(MD4(UNICODE(Password)), UNICODE(Uppercase(User) + UserDom))},
 * {@code NTProofStr = HMAC_MD5(NTOWFv2, ServerChallenge + temp)}, where {@code temp} is the client's
 * NTLMv2_CLIENT_CHALLENGE (the NT response after its first 16 bytes); the response is accepted when
 * its first 16 bytes equal NTProofStr. NTLMv1 answers (24 bytes) are refused, as a host at
 * LmCompatibilityLevel 5 (the default since Windows Server 2008 R2 era policies) does. Message
 * sealing and signing (the session key) are not modelled: WinRM over HTTPS does not use them.
 * One instance holds one TCP connection's state: the challenge it sent.
 */
final class SimNtlm {
    static final String TARGET = "SIM";
    static final String COMPUTER = "HYPERV";
    private static final byte[] SIGNATURE = "NTLMSSP\0".getBytes(StandardCharsets.US_ASCII);
    private static final int UNICODE = 0x00000001;
    private static final int REQUEST_TARGET = 0x00000004;
    private static final int NTLM = 0x00000200;
    private static final int ALWAYS_SIGN = 0x00008000;
    private static final int TARGET_TYPE_DOMAIN = 0x00010000;
    private static final int EXTENDED_SESSIONSECURITY = 0x00080000;
    private static final int TARGET_INFO = 0x00800000;
    private static final int VERSION = 0x02000000;
    private static final int NEG_128 = 0x20000000;
    private static final int NEG_56 = 0x80000000;

    private final SecureRandom random;
    private byte[] serverChallenge;

    SimNtlm(SecureRandom random) {
        this.random = random;
    }

    /** The message type (1, 2 or 3) of a token, or -1 when it is not NTLMSSP. */
    static int type(byte[] token) {
        if (token.length < 12 || !Arrays.equals(Arrays.copyOf(token, 8), SIGNATURE)) {
            return -1;
        }
        return le(token).getInt(8);
    }

    /** Answers a NEGOTIATE_MESSAGE with a CHALLENGE_MESSAGE (a fresh 8-byte server challenge). */
    byte[] challenge() {
        serverChallenge = new byte[8];
        random.nextBytes(serverChallenge);
        byte[] target = utf16(TARGET);
        byte[] info = targetInfo();
        int headerLength = 56;
        ByteBuffer out = le(ByteBuffer.allocate(headerLength + target.length + info.length));
        out.put(SIGNATURE).putInt(2);
        field(out, target.length, headerLength);
        out.putInt(UNICODE | REQUEST_TARGET | NTLM | ALWAYS_SIGN | TARGET_TYPE_DOMAIN | EXTENDED_SESSIONSECURITY
                | TARGET_INFO | VERSION | NEG_128 | NEG_56);
        out.put(serverChallenge).putLong(0);
        field(out, info.length, headerLength + target.length);
        // Version (2.2.2.10): Windows Server 2012 R2 is 6.3, build 9600, NTLM revision 15
        out.put((byte) 6).put((byte) 3).putShort((short) 9600).put(new byte[] {0, 0, 0}).put((byte) 15);
        out.put(target).put(info);
        return out.array();
    }

    /**
     * Checks an AUTHENTICATE_MESSAGE against the challenge sent on this connection: true when it is
     * an NTLMv2 response made with {@code password} by a user named {@code user} (any case).
     */
    boolean verify(byte[] token, String user, String password) {
        if (serverChallenge == null || type(token) != 3 || token.length < 64) {
            return false;
        }
        byte[] challenge = serverChallenge;
        serverChallenge = null; // one answer per challenge
        try {
            ByteBuffer in = le(token);
            int flags = in.getInt(60);
            byte[] nt = payload(token, 20);
            String domain = text(payload(token, 28), flags);
            String name = text(payload(token, 36), flags);
            if (nt.length <= 24 || !name.equalsIgnoreCase(user)) {
                return false;
            }
            byte[] key = hmac(SimMd4.digest(utf16(password)), utf16(name.toUpperCase(Locale.ROOT) + domain));
            byte[] temp = Arrays.copyOfRange(nt, 16, nt.length);
            byte[] proof = hmac(key, concat(challenge, temp));
            return MessageDigest.isEqual(proof, Arrays.copyOf(nt, 16));
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            return false; // a field pointing outside the message
        }
    }

    /** MS-NLMP 3.3.2's NTOWFv2, for the test of the published example (4.2.4.1.1). */
    static byte[] ntowfv2(String password, String user, String domain) {
        return hmac(SimMd4.digest(utf16(password)), utf16(user.toUpperCase(Locale.ROOT) + domain));
    }

    private static byte[] targetInfo() {
        ByteBuffer out = le(ByteBuffer.allocate(256));
        avPair(out, 2, utf16(TARGET)); // MsvAvNbDomainName
        avPair(out, 1, utf16(COMPUTER)); // MsvAvNbComputerName
        avPair(out, 4, utf16(TARGET.toLowerCase(Locale.ROOT) + ".test")); // MsvAvDnsDomainName
        avPair(out, 3, utf16(COMPUTER.toLowerCase(Locale.ROOT) + ".sim.test")); // MsvAvDnsComputerName
        // MsvAvTimestamp: FILETIME, 100 ns since 1601-01-01
        long filetime = (System.currentTimeMillis() + 11_644_473_600_000L) * 10_000L;
        avPair(out, 7, le(ByteBuffer.allocate(8)).putLong(filetime).array());
        out.putShort((short) 0).putShort((short) 0); // MsvAvEOL
        return Arrays.copyOf(out.array(), out.position());
    }

    private static void avPair(ByteBuffer out, int id, byte[] value) {
        out.putShort((short) id).putShort((short) value.length).put(value);
    }

    private static void field(ByteBuffer out, int length, int offset) {
        out.putShort((short) length).putShort((short) length).putInt(offset);
    }

    private static byte[] payload(byte[] token, int fieldOffset) {
        ByteBuffer in = le(token);
        int length = in.getShort(fieldOffset) & 0xffff;
        int offset = in.getInt(fieldOffset + 4);
        if (offset < 0 || offset + length > token.length) {
            throw new IllegalArgumentException("field outside the message");
        }
        return Arrays.copyOfRange(token, offset, offset + length);
    }

    private static String text(byte[] bytes, int flags) {
        return new String(bytes, (flags & UNICODE) != 0 ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1);
    }

    static byte[] utf16(String s) {
        return s.getBytes(StandardCharsets.UTF_16LE);
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(key, "HmacMD5"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static ByteBuffer le(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static ByteBuffer le(ByteBuffer buffer) {
        return buffer.order(ByteOrder.LITTLE_ENDIAN);
    }
}

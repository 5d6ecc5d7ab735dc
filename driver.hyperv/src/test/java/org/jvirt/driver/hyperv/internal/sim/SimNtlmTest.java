package org.jvirt.driver.hyperv.internal.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/**
 * The simulator's NTLM arithmetic against published values: MD4 against RFC 1320's test suite
 * (appendix A.5), NTOWFv2 and the NTLMv2 proof against MS-NLMP's worked example (section 4.2.4:
 * User "User", domain "Domain", password "Password", server challenge 0123456789abcdef, client
 * challenge aaaaaaaaaaaaaaaa, time 0, AV pairs NbDomainName "Domain" and NbComputerName "Server").
 */
class SimNtlmTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void md4MatchesRfc1320() {
        assertEquals("31d6cfe0d16ae931b73c59d7e0c089c0", md4(""));
        assertEquals("bde52cb31de33e46245e05fbdbd6fb24", md4("a"));
        assertEquals("a448017aaf21d8525fc10ae87aa6729d", md4("abc"));
        assertEquals("d9130a8164549fe818874806e1c7014b", md4("message digest"));
        assertEquals("d79e1c308aa5bbcdeea8ed63df412da9", md4("abcdefghijklmnopqrstuvwxyz"));
        assertEquals("e33b4ddc9c38f2199c3e7b164fcc0536",
                md4("12345678901234567890123456789012345678901234567890123456789012345678901234567890"));
    }

    @Test
    void ntlmv2MatchesTheMsNlmpExample() {
        byte[] key = SimNtlm.ntowfv2("Password", "User", "Domain");
        assertEquals("0c868a403bfd7a93a3001ef22ef02e3f", HEX.formatHex(key));
        ByteArrayOutputStream temp = new ByteArrayOutputStream();
        temp.writeBytes(HEX.parseHex("0101000000000000")); // RespType, HiRespType, reserved
        temp.writeBytes(new byte[8]); // time 0
        temp.writeBytes(HEX.parseHex("aaaaaaaaaaaaaaaa")); // client challenge
        temp.writeBytes(new byte[4]);
        temp.writeBytes(HEX.parseHex("02000c00")); // MsvAvNbDomainName
        temp.writeBytes(SimNtlm.utf16("Domain"));
        temp.writeBytes(HEX.parseHex("01000c00")); // MsvAvNbComputerName
        temp.writeBytes(SimNtlm.utf16("Server"));
        temp.writeBytes(new byte[4]); // MsvAvEOL
        temp.writeBytes(new byte[4]);
        ByteArrayOutputStream signed = new ByteArrayOutputStream();
        signed.writeBytes(HEX.parseHex("0123456789abcdef"));
        signed.writeBytes(temp.toByteArray());
        assertEquals("68cd0ab851e51c96aabc927bebef6a1c", HEX.formatHex(SimNtlm.hmac(key, signed.toByteArray())));
    }

    private static String md4(String s) {
        return HEX.formatHex(SimMd4.digest(s.getBytes(StandardCharsets.US_ASCII)));
    }
}

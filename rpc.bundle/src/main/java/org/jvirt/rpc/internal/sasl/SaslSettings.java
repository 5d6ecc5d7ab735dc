package org.jvirt.rpc.internal.sasl;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How the server checks SASL clients.
 *
 * @param passwdFile       the credentials: a properties file {@code username = password}, readable by
 *                         its owner only (DIGEST-MD5 needs the password itself, as cyrus-sasl's sasldb
 *                         stores it); null: no client can authenticate
 * @param allowedUsernames libvirtd's sasl_allowed_username_list: glob patterns ({@code *}, {@code ?});
 *                         empty allows every user in the file
 * @param tcpMinSsf        libvirtd's tcp_min_ssf: the least security strength (bits) the SASL layer
 *                         must give a plain TCP client; UNIX sockets and TLS need none
 * @param realm            the DIGEST-MD5 realm offered to clients
 */
public record SaslSettings(Path passwdFile, List<String> allowedUsernames, int tcpMinSsf, String realm) {
    /** libvirtd's minimum for plain TCP: 56 bits, "good for Kerberos" (remoteSASLFinish). */
    public static final int DEFAULT_TCP_MIN_SSF = 56;

    public SaslSettings {
        allowedUsernames = List.copyOf(allowedUsernames);
    }

    /** Users from {@code passwdFile}, anyone of them allowed, libvirtd's minimum SSF. */
    public static SaslSettings of(Path passwdFile) {
        return new SaslSettings(passwdFile, List.of(), DEFAULT_TCP_MIN_SSF, "jvirt");
    }

    /** No credentials: SASL refuses everyone. */
    public static SaslSettings none() {
        return new SaslSettings(null, List.of(), DEFAULT_TCP_MIN_SSF, "jvirt");
    }

    /** libvirt's virNetSASLContextCheckIdentity: an empty list allows everyone, else a pattern must match. */
    public boolean allows(String username) {
        if (allowedUsernames.isEmpty()) {
            return true;
        }
        for (String pattern : allowedUsernames) {
            if (glob(pattern).matcher(username).matches()) {
                return true;
            }
        }
        return false;
    }

    private static Pattern glob(String pattern) {
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}

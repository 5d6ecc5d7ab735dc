package org.jvirt.rpc.internal.sasl;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Properties;
import java.util.Set;

/**
 * The SASL users and their passwords: a properties file {@code username = password}. It must
 * belong to the user jvirtd runs as and be readable by nobody else, like cyrus-sasl's sasldb
 * (/etc/libvirt/passwd.db); otherwise no one can authenticate and the reason is logged. Read at
 * each authentication, so that editing the file takes effect at once.
 */
final class PasswordFile {
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private PasswordFile() {
    }

    /**
     * The password of {@code user}, or null when the user is not in the file.
     *
     * @throws IOException when the file cannot be read or others may read it
     */
    static char[] password(Path file, String user) throws IOException {
        if (file == null) {
            throw new IOException("no SASL password file is configured (sasl_passwd_file)");
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
        if (perms.stream().anyMatch(OTHERS::contains)) {
            throw new IOException("SASL password file " + file + " is accessible by group or others (mode must be 0600)");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        String password = p.getProperty(user);
        return password == null ? null : password.toCharArray();
    }
}

package org.jvirt.driver.qemu.internal.command;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.driver.qemu.internal.secret.GuestSecrets;
import org.jvirt.driver.qemu.internal.secret.SecretCipher;
import org.jvirt.driver.qemu.internal.secret.SecretLookup;

/**
 * libvirt's qemuxmlconftest secrets (testutilsqemu.c's fake secret driver and virrandommock): every
 * secret has the value {@code AQCVn5hO6HzFAhAAq0NCv8jtJcIcE+HOBlMQ1A}, found by any UUID and by the
 * usages the harness knows; the master key is the bytes 0x00-0x1f and every random IV 0x00-0x0f.
 */
final class LibvirtHarnessSecrets {
    static final String VALUE = "AQCVn5hO6HzFAhAAq0NCv8jtJcIcE+HOBlMQ1A";

    private LibvirtHarnessSecrets() {
    }

    static GuestSecrets create() {
        byte[] key = new byte[32];
        new CountingRandom().nextBytes(key);
        return new GuestSecrets(lookup(), new SecretCipher(key, new CountingRandom()));
    }

    private static SecretLookup lookup() {
        return (usageType, ref) -> {
            if (ref.uuid() == null && !known(ref.usage())) {
                throw new VirtException(ErrorCode.NO_SECRET, ErrorDomain.SECRET,
                        "no secret with matching usage '" + ref.usage() + "'");
            }
            return VALUE.getBytes(StandardCharsets.US_ASCII);
        };
    }

    private static boolean known(String usage) {
        return usage != null && (usage.startsWith("/storage/guest_disks/")
                || List.of("mycluster_myname", "client.admin secret").contains(usage));
    }

    /** virrandommock: each request for random bytes gets 0, 1, 2, ... */
    private static final class CountingRandom extends Random {
        private static final long serialVersionUID = 1L;

        @Override
        public void nextBytes(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) i;
            }
        }
    }
}

package org.jvirt.rpc.internal.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The set-up of a test that drives jvirtd with real virsh: an in-process {@link Jvirtd} serving the
 * core and test driver, started before each test (which is skipped when virsh is not installed) and
 * closed after it, sockets and state folder removed. Register as a field:
 * {@code @RegisterExtension final JvirtdForVirsh jvirtd = new JvirtdForVirsh();}.
 */
public final class JvirtdForVirsh implements BeforeEachCallback, AfterEachCallback {
    private Jvirtd jvirtd;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        assumeTrue(Proc.available("virsh"), "virsh (libvirt-clients) is not installed");
        jvirtd = new Jvirtd();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (jvirtd != null) {
            jvirtd.close();
            jvirtd = null;
        }
    }

    /** The running jvirtd; only within a test. */
    public Jvirtd get() {
        if (jvirtd == null) {
            throw new IllegalStateException("jvirtd runs only within a test");
        }
        return jvirtd;
    }

    public String unixUri() {
        return get().unixUri();
    }

    public String roUri() {
        return get().roUri();
    }

    public String tcpUri() {
        return get().tcpUri();
    }

    /** The read-write UNIX socket. */
    public Path rw() {
        return get().rw;
    }

    /** The read-only UNIX socket. */
    public Path ro() {
        return get().ro;
    }

    /** jvirtd's temporary folder (sockets, state), removed after the test. */
    public Path dir() {
        return get().dir;
    }
}

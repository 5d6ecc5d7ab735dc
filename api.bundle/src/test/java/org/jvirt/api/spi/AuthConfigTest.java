package org.jvirt.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

class AuthConfigTest {
    @Test
    void looksUpAsLibvirtsAuthConf() throws Exception {
        AuthConfig f = AuthConfig.parse("# lab\n[credentials-lab]\nusername=root\npassword=s=cret\n\n"
                + "[auth-esx-esx1]\ncredentials=lab\n[credentials-other]\npassword=x\n[auth-esx-default]\n"
                + "credentials=other\n[auth-hyperv-hv1]\ncredentials=lab\n", "auth.conf", ErrorDomain.ESX);
        assertEquals("root", f.lookup("esx", "esx1", "username"));
        assertEquals("s=cret", f.lookup("esx", "esx1", "password"));
        assertNull(f.lookup("esx", "esx2", "username"));
        assertEquals("x", f.lookup("esx", "esx2", "password"));
        assertEquals("root", f.lookup("hyperv", "hv1", "username"));
        assertNull(f.lookup("hyperv", "esx1", "password"));
    }

    @Test
    void badLinesAndMissingFilesAreErrorsOfTheCallersDomain(@TempDir Path dir) {
        VirtException e = assertThrows(VirtException.class, () -> AuthConfig.parse("junk\n", "auth.conf",
                ErrorDomain.HYPERV));
        assertEquals(ErrorCode.CONF_SYNTAX, e.code());
        assertEquals(ErrorDomain.HYPERV, e.domain());
        assertTrue(e.getMessage().endsWith("auth.conf:1: expected [group] or key=value"), e.getMessage());
        e = assertThrows(VirtException.class, () -> AuthConfig.read(dir.resolve("none.conf"), ErrorDomain.ESX));
        assertEquals(ErrorCode.AUTH_UNAVAILABLE, e.code());
        assertEquals(ErrorDomain.ESX, e.domain());
    }
}

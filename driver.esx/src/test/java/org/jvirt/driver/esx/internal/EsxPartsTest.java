package org.jvirt.driver.esx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.jvirt.api.ConnectUri;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.AuthConfig;
import org.w3c.dom.Element;

/** The driver's pure parts: URI defaults, IDs and names, the CPU model, long mode, the credentials file. */
class EsxPartsTest {

    @Test
    void portsDefaultBySchemeAndTransport() throws Exception {
        assertEquals(443, EsxUri.parse(ConnectUri.parse("esx://h/")).port());
        assertEquals(80, EsxUri.parse(ConnectUri.parse("esx://h/?transport=http")).port());
        assertEquals(443, EsxUri.parse(ConnectUri.parse("vpx://h/dc/cr")).port());
        assertEquals(8333, EsxUri.parse(ConnectUri.parse("gsx://h/")).port());
        assertEquals(8222, EsxUri.parse(ConnectUri.parse("gsx://h/?transport=http")).port());
        EsxUri u = EsxUri.parse(ConnectUri.parse("esx://root@h:8443/?no_verify=1&auto_answer=1&proxy=p:3128&x=y"));
        assertEquals(8443, u.port());
        assertEquals("root", u.user());
        assertTrue(u.noVerify() && u.autoAnswer());
        assertEquals("p", u.proxy().getHostString());
        assertEquals(3128, u.proxy().getPort());
        assertEquals(1080, EsxUri.parse(ConnectUri.parse("esx://h/?proxy=http://p")).proxy().getPort());
        assertEquals("https://h:8443/sdk", u.sdkUrl().toString());
        assertEquals("https://[::1]:443/sdk", EsxUri.parse(ConnectUri.parse("esx://[::1]/")).sdkUrl().toString());
    }

    @Test
    void idsAndNamesAsLibvirtReadsThem() {
        assertEquals(57, Vm.parseId("vm-57"));
        assertEquals(12, Vm.parseId("12"));
        assertEquals(-1, Vm.parseId("vm-x"));
        assertEquals(-1, Vm.parseId("template-3"));
        assertEquals("a/b\\c%d", Vm.unescape("a%2fb%5cc%25d"));
        assertEquals("100%", Vm.unescape("100%"));
    }

    @Test
    void cpuModelIsCleanedAndCutAsLibvirt() {
        assertEquals("Intel Xeon CPU E5-2680 v2 @ 2.8", HostInfo.model("Intel(R) Xeon(R) CPU  E5-2680 v2 @ 2.80GHz"));
        assertEquals("", HostInfo.model(null));
    }

    @Test
    void longModeIsBit29OfExtendedEdx() throws Exception {
        String lm = "<val><HostCpuIdInfo><level>-2147483647</level>"
                + "<edx>0010:1000:0001:0000:0000:1000:0000:0000</edx></HostCpuIdInfo></val>";
        assertTrue(HostInfo.longMode(parse(lm)));
        assertFalse(HostInfo.longMode(parse(lm.replace("0010:1000", "0000:1000"))));
        assertFalse(HostInfo.longMode(null));
        VirtException bad = assertThrows(VirtException.class, () -> HostInfo.longMode(parse(lm.replace("0010:",
                "00-0:"))));
        assertTrue(bad.getMessage().contains("Bit 29 (Long Mode)"), bad.getMessage());
    }

    @Test
    void credentialsFileAsLibvirtsAuthConf() throws Exception {
        // the reader is the SPI's, shared with the Hyper-V driver (AuthConfigTest); ESX's service is "esx"
        AuthConfig f = AuthConfig.parse("# lab\n[credentials-lab]\nusername=root\npassword=s=cret\n\n"
                + "[auth-esx-esx1]\ncredentials=lab\n[credentials-other]\npassword=x\n[auth-esx-default]\n"
                + "credentials=other\n", "auth.conf", ErrorDomain.ESX);
        assertEquals("root", f.lookup("esx", "esx1", "username"));
        assertEquals("s=cret", f.lookup("esx", "esx1", "password"));
        assertNull(f.lookup("esx", "esx2", "username"));
        assertEquals("x", f.lookup("esx", "esx2", "password"));
        assertNull(f.lookup("hyperv", "esx1", "password"));
        VirtException e = assertThrows(VirtException.class, () -> AuthConfig.parse("junk\n", "auth.conf",
                ErrorDomain.ESX));
        assertEquals(ErrorCode.CONF_SYNTAX, e.code());
    }

    private static Element parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
    }
}

package org.jvirt.driver.xen.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Flag;
import org.jvirt.api.MemoryFlag;
import org.jvirt.api.ModificationFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.XmlFlag;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DriverConnection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * setmaxmem and setmem ({@code libxlDomainSetMemoryFlags}) on the definition and on a running
 * domain (the stand-in xl keeps what {@code mem-max} and {@code mem-set} were given, and refuses a
 * maximum below the current target as libxl_domain_setmaxmem does).
 */
class XenMemoryTest {
    private static final int MAX = Flag.mask(MemoryFlag.MAXIMUM);
    private static final int LIVE = Flag.mask(ModificationFlag.LIVE);
    private static final int CONFIG = Flag.mask(ModificationFlag.CONFIG);

    @TempDir
    Path dir;

    @Test
    void setmaxmemOnTheDefinition() throws Exception {
        try (XenTestBed bed = new XenTestBed(dir.resolve("bed"), XenApiTest.fakeXl(dir).toString(), 60_000)) {
            DriverConnection c = bed.open();
            DomainRef ref = c.defineXml(XenDefinitionsTest.pv("pv1", XenDefinitionsTest.UUID1), 0);
            c.setMemory(ref, 1048576, MAX);   // current: the definition of an inactive domain
            assertEquals(new DomainInfo(DomainState.SHUTOFF, 1048576, 262144, 2, 0), c.info(ref));
            c.setMemory(ref, 131072, MAX | CONFIG);   // below the current memory: that follows
            assertEquals(new DomainInfo(DomainState.SHUTOFF, 131072, 131072, 2, 0), c.info(ref));
            bed.restart();
            DriverConnection again = bed.open();
            String xml = again.xmlDesc(ref, 0);
            assertTrue(xml.contains("<memory unit='KiB'>131072</memory>")
                    && xml.contains("<currentMemory unit='KiB'>131072</currentMemory>"), "kept in the state store: " + xml);
            VirtException live = assertThrows(VirtException.class, () -> again.setMemory(ref, 262144, MAX | LIVE));
            assertEquals(ErrorCode.OPERATION_INVALID, live.code(), live.getMessage());
            VirtException flags = assertThrows(VirtException.class, () -> again.setMemory(ref, 262144, MAX | 64));
            assertEquals(ErrorCode.INVALID_ARG, flags.code(), flags.getMessage());
            VirtException high = assertThrows(VirtException.class, () -> again.setMemory(ref, 262144, CONFIG));
            assertEquals("invalid argument: cannot set memory higher than max memory", high.getMessage());
        }
    }

    @Test
    void setmaxmemOnARunningDomain() throws Exception {
        Path xl = XenApiTest.fakeXl(dir);
        try (XenTestBed bed = new XenTestBed(dir.resolve("bed"), xl.toString(), 60_000)) {
            DriverConnection c = bed.open();
            DomainRef ref = c.defineXml(XenDefinitionsTest.pv("pv1", XenDefinitionsTest.UUID1), 0);
            c.create(ref, 0);

            c.setMemory(ref, 1048576, MAX);   // current: live
            assertEquals(1048576, fakeDomain(xl).get("maxkib").asLong(), "xl mem-max was given the new maximum");
            assertEquals(1048576, c.info(ref).maxMemKiB());
            assertTrue(c.xmlDesc(ref, 0).contains("<memory unit='KiB'>1048576</memory>"));
            assertTrue(c.xmlDesc(ref, Flag.mask(XmlFlag.INACTIVE)).contains("<memory unit='KiB'>524288</memory>"),
                    "the definition keeps its maximum");
            c.setMemory(ref, 786432, 0);   // above the old maximum, below the new one
            assertEquals(786432, c.info(ref).memoryKiB());

            VirtException below = assertThrows(VirtException.class, () -> c.setMemory(ref, 65536, MAX));
            assertEquals(ErrorCode.INTERNAL_ERROR, below.code());
            assertEquals(ErrorDomain.LIBXL, below.domain());
            assertTrue(below.getMessage().startsWith("internal error: Failed to set maximum memory for domain '1' with "
                    + "libxenlight: libxl: libxl_domain_setmaxmem: Domain 1:memory_static_max must be greater than or "
                    + "equal to memory_dynamic_max"), below.getMessage());
            assertTrue(c.xmlDesc(ref, 0).contains("<memory unit='KiB'>1048576</memory>"), "unchanged after the failure");
            assertEquals(1048576, fakeDomain(xl).get("maxkib").asLong());

            c.setMemory(ref, 917504, MAX | LIVE | CONFIG);
            assertEquals(917504, fakeDomain(xl).get("maxkib").asLong());
            assertTrue(c.xmlDesc(ref, 0).contains("<memory unit='KiB'>917504</memory>"));
            String inactive = c.xmlDesc(ref, Flag.mask(XmlFlag.INACTIVE));
            assertTrue(inactive.contains("<memory unit='KiB'>917504</memory>")
                    && inactive.contains("<currentMemory unit='KiB'>262144</currentMemory>"), inactive);
        }
    }

    /** The stand-in's record of domain 1. */
    private static JsonNode fakeDomain(Path xl) throws Exception {
        return new ObjectMapper().readTree(Files.readString(xl.resolveSibling("state.json"))).get("domains").get("1");
    }
}

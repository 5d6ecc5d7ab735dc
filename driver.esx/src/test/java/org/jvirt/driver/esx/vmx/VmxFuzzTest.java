package org.jvirt.driver.esx.vmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the VMX reader (what {@code domxml-from-native vmware-vmx} takes from any client and
 * {@code dumpxml} from a datastore): every file is refused with a {@link VirtException} or read into
 * a definition that formats as domain XML; and a definition VMX can express is written as a VMX file
 * that reads back with the same name, UUID, memory and vCPUs. Regression mode runs the committed
 * inputs (VmxFuzzTestInputs/readWriteRead).
 */
class VmxFuzzTest {
    private static final DomainXmlCodec CODEC = new DomainXmlCodecImpl();
    private static final VmxConverter CONVERTER = new VmxConverter(CODEC);
    private static final VmxContext CONTEXT = VmxContext.of(new HarnessFileNames()).withVirtualHwVersion(7);

    @FuzzTest(maxDuration = "10m")
    void readWriteRead(byte[] input) {
        DomainDef def;
        try {
            def = CONVERTER.parse(input, CONTEXT);
        } catch (VirtException e) {
            assertNotNull(e.code(), e.getMessage());
            return;
        }
        assertNotNull(CODEC.format(def, DomainXmlCodec.FORMAT_SECURE));
        String vmx;
        try {
            vmx = CONVERTER.format(def, CONTEXT);
        } catch (VirtException e) {
            // what VMX reads it need not write (a SATA drive, a null serial port, a name VMX escapes oddly)
            return;
        }
        DomainDef back;
        try {
            back = CONVERTER.parse(vmx, CONTEXT);
        } catch (VirtException e) {
            throw new AssertionError("written VMX does not read back: " + e.getMessage() + "\n" + vmx, e);
        }
        assertEquals(def.name(), back.name(), vmx);
        assertEquals(def.uuid(), back.uuid(), vmx);
        assertEquals(def.memory(), back.memory(), vmx);
        assertEquals(def.vcpu(), back.vcpu(), vmx);
    }
}

package org.jvirt.driver.hyperv.internal;

import java.util.List;

import org.jvirt.api.Flag;
import org.jvirt.api.VirtException;
import org.jvirt.api.XmlFlag;
import org.jvirt.api.xml.Devices;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.Memory;
import org.jvirt.api.xml.Os;
import org.jvirt.api.xml.Vcpu;
import org.jvirt.driver.hyperv.internal.devices.DeviceReader;
import org.jvirt.driver.hyperv.internal.wsman.HypervErrors;
import org.jvirt.driver.hyperv.internal.wsman.WmiObject;

/**
 * {@code hypervDomainGetXMLDesc}: a domain definition of type {@code hyperv} from the VM's settings,
 * formatted by the core's codec: name and UUID, the notes as description, the memory limit as
 * {@code <memory>} and VirtualQuantity as {@code <currentMemory>}, the processor count as vCPUs;
 * controllers, disks, network adapters and serial ports from the VM's resource settings
 * ({@link DeviceReader}).
 */
final class DomainXml {
    static final int XML_FLAGS = Flag.mask(XmlFlag.SECURE, XmlFlag.INACTIVE, XmlFlag.MIGRATABLE);

    private final VmSettings settings;
    private final DomainXmlCodec codec;
    private final DeviceReader devices;

    DomainXml(VmSettings settings, DomainXmlCodec codec) {
        this.settings = settings;
        this.codec = codec;
        this.devices = new DeviceReader(settings::byPath);
    }

    String xmlDesc(Vm vm, int flags) throws VirtException {
        HypervErrors.checkFlags(flags, XML_FLAGS, "hypervDomainGetXMLDesc");
        WmiObject vssd = settings.systemSettings(vm);
        WmiObject processor = settings.processor(vssd);
        WmiObject memory = settings.memory(vssd);
        int vcpus = (int) processor.number("VirtualQuantity", 1);
        List<String> notes = vssd.strings("Notes");
        Devices all = Devices.builder().all(devices.read(
                settings.components(vssd, "Msvm_ResourceAllocationSettingData"),
                settings.components(vssd, "Msvm_StorageAllocationSettingData"),
                settings.components(vssd, "Msvm_SerialPortSettingData"),
                settings.components(vssd, "Msvm_EthernetPortAllocationSettingData"))).build();
        DomainDef def = DomainDef.builder().type("hyperv")
                .id(Flag.isSet(flags, XmlFlag.INACTIVE) ? -1 : vm.id())
                .name(vm.name()).uuid(vm.uuid())
                .description(notes.isEmpty() ? null : String.join("\n", notes))
                .memory(new Memory(memory.number("Limit", 0) * 1024))
                .currentMemory(new Memory(memory.number("VirtualQuantity", 0) * 1024))
                .vcpu(new Vcpu(vcpus, vcpus, "static", null))
                .os(Os.builder().type("hvm").build())
                .onPoweroff("destroy").onReboot("restart").onCrash("restart")
                .devices(all)
                .build();
        int format = (Flag.isSet(flags, XmlFlag.SECURE) ? DomainXmlCodec.FORMAT_SECURE : 0)
                | (Flag.isSet(flags, XmlFlag.INACTIVE) ? DomainXmlCodec.FORMAT_INACTIVE : 0);
        return codec.format(def, format);
    }
}

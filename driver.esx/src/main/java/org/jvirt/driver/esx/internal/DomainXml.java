package org.jvirt.driver.esx.internal;

import java.util.List;

import org.jvirt.api.Flag;
import org.jvirt.api.VirtException;
import org.jvirt.api.XmlFlag;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.driver.esx.internal.vi.ObjectContent;
import org.jvirt.driver.esx.internal.vi.PropertyCollector;
import org.jvirt.driver.esx.internal.vi.ServiceContent;
import org.jvirt.driver.esx.internal.vi.ViErrors;
import org.jvirt.driver.esx.vmx.VmxContext;
import org.jvirt.driver.esx.vmx.VmxConverter;

/**
 * Domain XML of an ESX connection: {@code dumpxml} (the VM's VMX file downloaded from its
 * datastore and read, {@code esxDomainGetXMLDesc}) and the {@code vmware-vmx} native format
 * ({@code esxConnectDomainXMLFromNative} / {@code ToNative}), with the ESX driver's file name
 * callbacks and the virtual hardware version the host's product version takes by default.
 */
final class DomainXml {
    /** libvirt's VIR_DOMAIN_XML_COMMON_FLAGS. */
    static final int XML_FLAGS = Flag.mask(XmlFlag.SECURE, XmlFlag.INACTIVE, XmlFlag.MIGRATABLE);
    /** The datastore directory libvirt gives bare file names of a VMX file that is on no datastore. */
    static final String NO_DIRECTORY = "[?] ?";

    private final PropertyCollector collector;
    private final EsxHost host;
    private final ServiceContent service;
    private final DatastoreFiles files;
    private final VmxConverter converter;
    private final DomainXmlCodec codec;

    DomainXml(PropertyCollector collector, EsxHost host, DatastoreFiles files, DomainXmlCodec codec) {
        this.collector = collector;
        this.host = host;
        this.service = collector.client().service();
        this.files = files;
        this.codec = codec;
        this.converter = new VmxConverter(codec);
    }

    VmxConverter converter() {
        return converter;
    }

    /** {@code esxDomainGetXMLDesc}: the VMX file as XML, with the ID while the VM is not powered off. */
    String xmlDesc(Vm vm, int flags) throws VirtException {
        ViErrors.checkFlags(flags, XML_FLAGS, "esxDomainGetXMLDesc");
        DatastorePath vmx = vmxPath(vm);
        byte[] text = files.download(vmx);
        String dir = vmx.directory() == null ? "[" + vmx.datastore() + "]" : "[" + vmx.datastore() + "] " + vmx.directory();
        VmxContext ctx = VmxContext.of(new EsxFileNames(files, dir)).withDatacenterPath(host.datacenterPath())
                .withMoref(vm.ref().value());
        DomainDef def = converter.parse(text, ctx);
        if (vm.active()) {
            def = def.withId(vm.idNumber());
        }
        int format = (Flag.isSet(flags, XmlFlag.SECURE) ? DomainXmlCodec.FORMAT_SECURE : 0)
                | (Flag.isSet(flags, XmlFlag.INACTIVE) ? DomainXmlCodec.FORMAT_INACTIVE : 0);
        return codec.format(def, format);
    }

    /** The datastore path of the VM's VMX file, {@code config.files.vmPathName}. */
    DatastorePath vmxPath(Vm vm) throws VirtException {
        ObjectContent o = collector.retrieveOne(vm.ref(), List.of("config.files.vmPathName"));
        return DatastorePath.parse(o.requiredString("config.files.vmPathName"));
    }

    /** {@code esxConnectDomainXMLFromNative}: bare file names lie in libvirt's {@code [?] ?}. */
    String fromNative(String format, String config, int flags) throws VirtException {
        ViErrors.checkFlags(flags, 0, "esxConnectDomainXMLFromNative");
        checkFormat(format);
        return converter.fromNative(config, VmxContext.of(new EsxFileNames(files, NO_DIRECTORY)));
    }

    /** {@code esxConnectDomainXMLToNative}: for the virtual hardware version of the host. */
    String toNative(String format, String xml, int flags) throws VirtException {
        ViErrors.checkFlags(flags, 0, "esxConnectDomainXMLToNative");
        checkFormat(format);
        int version = defaultVirtualHwVersion(service.productLine(), service.versionNumber());
        return converter.format(converter.parseXml(xml), formatContext(version));
    }

    /** The context of XML → VMX: datastore paths to mount paths, for {@code version}. */
    VmxContext formatContext(int version) {
        return VmxContext.of(new EsxFileNames(files, null)).withVirtualHwVersion(version)
                .withScsiModelDetector(new ScsiModelLookup(collector, host));
    }

    private static void checkFormat(String format) throws VirtException {
        if (!VmxConverter.FORMAT.equals(format)) {
            throw ViErrors.invalidArg("Unsupported config format '" + format + "'");
        }
    }

    /**
     * {@code esxVI_ProductVersionToDefaultVirtualHWVersion}: GSX 7; ESX 3 → 4, 4 → 7, 5.0-5.1 → 9,
     * 5.5 and 6 → 10, any other 8; vCenter the same with 2 → 4.
     *
     * @param version libvirt's product version number, {@code 1,000,000 * major + 1,000 * minor + micro}
     */
    static int defaultVirtualHwVersion(String productLine, long version) throws VirtException {
        int major = (int) (version / 1_000_000);
        int minor = (int) (version / 1000 - major * 1000L);
        if ("gsx".equals(productLine)) {
            return 7;
        }
        if (!"esx".equals(productLine) && !"vpx".equals(productLine)) {
            throw ViErrors.internal("Unexpected product line");
        }
        return switch (major) {
            case 2 -> "vpx".equals(productLine) ? 4 : 8;
            case 3 -> "esx".equals(productLine) ? 4 : 8;
            case 4 -> 7;
            case 5 -> minor < 5 ? 9 : 10;
            case 6 -> 10;
            default -> 8;
        };
    }
}

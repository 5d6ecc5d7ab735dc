package org.jvirt.driver.esx.vmx;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.GuestDefaults;
import org.jvirt.api.xml.Os;
import org.jvirt.api.xml.Video;
import org.jvirt.api.xml.VideoModel;
import org.jvirt.api.xml.XmlElement;

/**
 * libvirt's VMX converter (src/vmx/vmx.c) on jvirt's domain model: {@link #parse} is
 * virVMXParseConfig, {@link #format} virVMXFormatConfig, and {@link #parseXml} parses domain XML as
 * the ESX driver's parser configuration does (virVMXDomainXMLConfInit). The native format name of
 * {@code virConnectDomainXMLFromNative} / {@code ToNative} is {@link #FORMAT}.
 *
 * <p>Stateless and thread-safe; the file name mapping and the other per-call inputs come in a
 * {@link VmxContext}. Errors are {@link VirtException}s with vmx.c's codes and messages (in no error
 * domain, as vmx.c reports them).
 */
public final class VmxConverter {
    /** {@code vmware-vmx}, libvirt's VMX_CONFIG_FORMAT_ARGV. */
    public static final String FORMAT = "vmware-vmx";

    /** libvirt's ESX capabilities: hvm guests, i686 (the default) and x86_64, domain type vmware. */
    public static final GuestDefaults GUEST_DEFAULTS = (virtType, osType) -> "i686";

    /** virDomainVideoDefaultRAM for VMware's SVGA: 4 MiB. */
    static final int DEFAULT_VRAM = 4096;

    private static final Set<String> ARCHES = Set.of("i686", "x86_64");

    private final DomainXmlCodec codec;

    public VmxConverter(DomainXmlCodec codec) {
        this.codec = codec;
    }

    /**
     * A VMX file as a definition, as libvirt reads it (the VMX text is taken as the bytes the client
     * sent, in UTF-8, and read again in the character set its {@code .encoding} names).
     *
     * @param vmx the VMX file's text, never null
     * @param ctx the file name mapping and namespace data; its virtual hardware version is not used
     * @return the inactive definition, with libvirt's post-parse defaults
     * @throws VirtException the VMX text's syntax errors ({@code CONF_SYNTAX}), or vmx.c's errors
     *                       ({@code INTERNAL_ERROR}, {@code CONFIG_UNSUPPORTED}), or the file name
     *                       mapping's
     */
    public DomainDef parse(String vmx, VmxContext ctx) throws VirtException {
        return parse(vmx.getBytes(StandardCharsets.UTF_8), ctx);
    }

    /** A VMX file as read from a datastore, in the character set its {@code .encoding} names. */
    public DomainDef parse(byte[] vmx, VmxContext ctx) throws VirtException {
        return codec.postParse(new VmxReader(ctx).read(vmx));
    }

    /**
     * A definition as a VMX file for the context's virtual hardware version.
     *
     * @param def a definition parsed by {@link #parseXml} (or completed the same way), never null
     * @throws VirtException vmx.c's errors for what VMX cannot express, or the file name mapping's
     */
    public String format(DomainDef def, VmxContext ctx) throws VirtException {
        return new VmxWriter(ctx).write(def);
    }

    /**
     * Domain XML parsed as libvirt's ESX driver parses it: the architecture defaults to i686, no
     * default boot device is added (VMX has none), and only hvm guests of type vmware on i686 or
     * x86_64 are accepted.
     */
    public DomainDef parseXml(String xml) throws VirtException {
        XmlElement root = codec.readXml(xml, "(domain_definition)", ErrorDomain.DOMAIN);
        DomainDef def = codec.parse(root, DomainXmlCodec.PARSE_INACTIVE, GUEST_DEFAULTS);
        Os os = def.os();
        XmlElement osElement = root.child("os");
        if (os != null && (osElement == null || osElement.children("boot").isEmpty())) {
            def = def.withOs(os.toBuilder().bootDevices(List.of()).build());
        }
        checkCapabilities(def);
        return withImplicitVideo(def);
    }

    /** virDomainDefAddImplicitVideo: a display without a video device gets VMware's SVGA. */
    private static DomainDef withImplicitVideo(DomainDef def) {
        if (def.devices().graphics().isEmpty() || !def.devices().ofType(Video.class).isEmpty()) {
            return def;
        }
        List<Device> all = new ArrayList<>(def.devices().all());
        all.add(Video.builder().model(VideoModel.builder().type("vmvga").vram(DEFAULT_VRAM).heads(1).primary("yes")
                .build()).build());
        return def.withDevices(def.devices().withAll(all));
    }

    /** virVMXDomainDefPostParse: the guest must be one the ESX capabilities offer. */
    private static void checkCapabilities(DomainDef def) throws VirtException {
        String osType = def.os() == null ? null : def.os().type();
        String arch = def.os() == null ? null : def.os().arch();
        if (!"hvm".equals(osType) || !ARCHES.contains(arch) || !"vmware".equals(def.type())) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.CAPABILITIES,
                    "could not find capabilities for ostype=" + osType + " arch=" + arch + " domaintype=" + def.type());
        }
    }

    /** domxml-from-native: the VMX file as inactive domain XML (without secrets, as libvirt's driver answers). */
    public String fromNative(String vmx, VmxContext ctx) throws VirtException {
        return codec.format(parse(vmx, ctx), DomainXmlCodec.FORMAT_INACTIVE);
    }

    /** domxml-to-native: domain XML as a VMX file. */
    public String toNative(String xml, VmxContext ctx) throws VirtException {
        return format(parseXml(xml), ctx);
    }
}

package org.jvirt.api.xml;

import org.jvirt.api.VirtException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Parses and formats libvirt domain XML. Registered as a service by the core; thread-safe.
 * Parsing is safe against hostile input: DTDs and external entities are refused and the input
 * size is bounded. Elements and attributes the model does not name are kept and formatted back.
 */
@ProviderType
public interface DomainXmlCodec {

    /** Parse flag: the XML is a persistent (inactive) definition; runtime-only data is ignored. */
    int PARSE_INACTIVE = 1;
    /**
     * Parse flag: leave out the generic post-parse ({@link #postParse}): the implicit controllers
     * devices refer to and the primary video mark. A driver that adds default devices of its own
     * first (as libvirt's driver post-parse callbacks run before the generic implicit devices)
     * parses with this flag and calls {@link #postParse} after its defaults.
     */
    int PARSE_SKIP_POST_PARSE = 2;

    /** Format flag: include secrets such as passwords ({@code VIR_DOMAIN_XML_SECURE}). */
    int FORMAT_SECURE = 1;
    /** Format flag: the inactive definition, without {@code id=} or runtime state. */
    int FORMAT_INACTIVE = 2;

    /**
     * Parses without driver capabilities ({@link GuestDefaults#NONE}).
     *
     * @throws VirtException {@link org.jvirt.api.ErrorCode#XML_ERROR} or
     *                       {@link org.jvirt.api.ErrorCode#XML_DETAIL} naming the problem
     */
    default DomainDef parse(String xml, int flags) throws VirtException {
        return parse(xml, flags, GuestDefaults.NONE);
    }

    /**
     * Parses with the defaults a driver's capabilities give (such as the guest architecture).
     *
     * @param defaults the driver's defaults, never null (use {@link GuestDefaults#NONE})
     * @throws VirtException {@link org.jvirt.api.ErrorCode#XML_ERROR} or
     *                       {@link org.jvirt.api.ErrorCode#XML_DETAIL} naming the problem
     */
    DomainDef parse(String xml, int flags, GuestDefaults defaults) throws VirtException;

    /**
     * libvirt's generic device post-parse (virDomainDefAddImplicitControllers and
     * virDomainDefPostParseVideo): adds the controllers that disks, virtio channels and consoles,
     * and smartcards refer to (and smartcard CCID addresses), and marks the first video primary.
     * {@link #parse} runs it unless {@link #PARSE_SKIP_POST_PARSE} is given; running it again on
     * its own result changes nothing.
     *
     * @param def a parsed definition, never null
     * @return the completed copy (or {@code def} when nothing was missing)
     */
    DomainDef postParse(DomainDef def);

    /** libvirt's formatting: 2-space indent, {@code '}-quoted attributes, final newline. */
    String format(DomainDef def, int flags);
}

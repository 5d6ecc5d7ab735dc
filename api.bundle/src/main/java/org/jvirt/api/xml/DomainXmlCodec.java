package org.jvirt.api.xml;

import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Parses and formats libvirt domain XML. Registered as a service by the core; thread-safe.
 * Parsing is safe against hostile input: DTDs and external entities are refused and the input
 * size is bounded. Elements and attributes the model does not name are kept and formatted back.
 * <p>
 * It is also the platform's one reader of untrusted XML ({@link #readXml}): drivers that read XML
 * documents of their own (such as the test driver's host files) read them here, so every XML
 * input gets the same limits. The reader is part of this service rather than a service of its own
 * because every driver that reads XML already needs the codec, and the two must not disagree.
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
     * Parses a definition already read by {@link #readXml} (a driver that removed elements of its
     * own namespace first, for example). A tree built another way is held to the reader's bounds
     * all the same: deeper nesting or more elements than {@link #readXml} accepts are refused.
     *
     * @param root     the {@code <domain>} element, never null
     * @param defaults the driver's defaults, never null (use {@link GuestDefaults#NONE})
     * @throws VirtException {@link org.jvirt.api.ErrorCode#XML_ERROR} or
     *                       {@link org.jvirt.api.ErrorCode#XML_DETAIL} naming the problem
     */
    DomainDef parse(XmlElement root, int flags, GuestDefaults defaults) throws VirtException;

    /**
     * Reads an XML document from an untrusted source into a tree, with the reader {@link #parse}
     * uses: DOCTYPE declarations are refused (so no DTD, no external entity, no entity expansion),
     * nesting deeper than 256 levels, oversized documents, text and attribute values, too many
     * elements or attributes, and characters XML 1.0 does not allow are errors with libxml2's
     * wording where it has one. Comments and processing instructions are dropped.
     *
     * @param xml    the document, never null
     * @param url    how messages name the document, as libvirt's do: a file's path, or a name in
     *               parentheses such as {@code (domain_definition)}
     * @param domain the error domain of the errors, the caller's (libvirt's {@code virXMLParseHelper}
     *               takes it too: a driver's own files report its domain); null means
     *               {@link ErrorDomain#XML}
     * @return the root element
     * @throws VirtException {@link org.jvirt.api.ErrorCode#XML_ERROR} or
     *                       {@link org.jvirt.api.ErrorCode#XML_DETAIL} ({@code url:line: message})
     */
    XmlElement readXml(String xml, String url, ErrorDomain domain) throws VirtException;

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

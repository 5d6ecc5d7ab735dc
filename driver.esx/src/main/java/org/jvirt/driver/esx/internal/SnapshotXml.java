package org.jvirt.driver.esx.internal;

import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.XmlElement;
import org.jvirt.driver.esx.internal.vi.ViErrors;

/**
 * The {@code <domainsnapshot>} documents of libvirt's ESX driver: what it reads of a new snapshot's
 * description (name, description, and whether disks are named, which ESX cannot do), and the
 * document it formats for {@code snapshot-dumpxml} (libvirt's {@code virDomainSnapshotDefFormat}
 * of what the snapshot tree knows: name, description, state, parent, creation time, domain UUID).
 */
final class SnapshotXml {
    /** What a new snapshot's XML asks for. */
    record Request(String name, String description) {
    }

    private final DomainXmlCodec codec;
    private final Clock clock;

    SnapshotXml(DomainXmlCodec codec, Clock clock) {
        this.codec = codec;
        this.clock = clock;
    }

    /** {@code virDomainSnapshotDefParseString} as far as ESX reads it; a missing name is the time in seconds. */
    Request parse(String xml) throws VirtException {
        XmlElement root = codec.readXml(xml, "(domain_snapshot)", null);
        if (!root.name().equals("domainsnapshot")) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.XML,
                    "expecting root element of 'domainsnapshot', not '" + root.name() + "'");
        }
        XmlElement disks = root.child("disks");
        if (disks != null && !disks.children("disk").isEmpty()) {
            throw ViErrors.of(ErrorCode.CONFIG_UNSUPPORTED, "disk snapshots not supported yet");
        }
        String name = text(root.child("name"));
        if (name == null) {
            name = Long.toString(clock.instant().getEpochSecond());
        }
        return new Request(name, text(root.child("description")));
    }

    /** {@code esxDomainSnapshotGetXMLDesc}'s document. */
    static String format(UUID domain, SnapshotTree snapshot, SnapshotTree parent) {
        StringBuilder b = new StringBuilder("<domainsnapshot>\n");
        b.append("  <name>").append(escape(snapshot.name())).append("</name>\n");
        // an empty description is still a description (libvirt tests for NULL; ESX always sends one)
        if (snapshot.description() != null) {
            b.append("  <description>").append(escape(snapshot.description())).append("</description>\n");
        }
        DomainState state = snapshot.domainState();
        if (state != DomainState.NOSTATE) {
            b.append("  <state>").append(state.name().toLowerCase(Locale.ROOT)).append("</state>\n");
        }
        if (parent != null) {
            b.append("  <parent>\n    <name>").append(escape(parent.name())).append("</name>\n  </parent>\n");
        }
        if (snapshot.createTime() != 0) {
            b.append("  <creationTime>").append(snapshot.createTime()).append("</creationTime>\n");
        }
        b.append("  <domain>\n    <uuid>").append(domain).append("</uuid>\n  </domain>\n");
        return b.append("</domainsnapshot>\n").toString();
    }

    /** The element's text content; null when it is absent or empty, as libvirt's {@code virXPathString}. */
    private static String text(XmlElement e) {
        if (e == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(e.text() == null ? "" : e.text());
        for (XmlElement c : e.children()) {
            if (c.name().equals(XmlElement.TEXT) && c.text() != null) {
                b.append(c.text());
            }
        }
        return b.isEmpty() ? null : b.toString();
    }

    /** {@code virBufferEscapeString}. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '\'' -> b.append("&apos;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}

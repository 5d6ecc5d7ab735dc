package org.jvirt.api.spi;

import java.util.List;

import org.jvirt.api.VirtException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The snapshot calls of a driver connection ({@code virHypervisorDriver}'s {@code domainSnapshot*}
 * entries), for a driver that has snapshots ({@link DriverConnection#ownSnapshots()}). Snapshots are
 * named by their domain and their name, as libvirt's {@code virDomainSnapshotPtr}. The core has
 * checked the connection and read-only access; the driver checks its flags (libvirt's
 * {@code virCheckFlags}) and raises {@link org.jvirt.api.ErrorCode#NO_DOMAIN_SNAPSHOT} for a
 * snapshot it does not have. Must be thread-safe.
 */
@ConsumerType
public interface DomainSnapshotDriver {

    /** Creates the snapshot {@code xml} describes; returns its name. */
    String createXml(DomainRef dom, String xml, int flags) throws VirtException;

    /** The names of the domain's snapshots matching {@code flags} (see {@code SnapshotListFlag}). */
    List<String> listNames(DomainRef dom, int flags) throws VirtException;

    /** The names of the children (with {@code DESCENDANTS}: descendants) of {@code snapshot}. */
    List<String> listChildrenNames(DomainRef dom, String snapshot, int flags) throws VirtException;

    /** Checks that {@code snapshot} exists; returns its name. */
    String lookupByName(DomainRef dom, String snapshot, int flags) throws VirtException;

    boolean hasCurrent(DomainRef dom, int flags) throws VirtException;

    /** The current snapshot's name; NO_DOMAIN_SNAPSHOT when there is none. */
    String current(DomainRef dom, int flags) throws VirtException;

    String xmlDesc(DomainRef dom, String snapshot, int flags) throws VirtException;

    /** The parent's name; NO_DOMAIN_SNAPSHOT when {@code snapshot} is a root. */
    String parent(DomainRef dom, String snapshot, int flags) throws VirtException;

    boolean isCurrent(DomainRef dom, String snapshot, int flags) throws VirtException;

    boolean hasMetadata(DomainRef dom, String snapshot, int flags) throws VirtException;

    void revert(DomainRef dom, String snapshot, int flags) throws VirtException;

    void delete(DomainRef dom, String snapshot, int flags) throws VirtException;
}

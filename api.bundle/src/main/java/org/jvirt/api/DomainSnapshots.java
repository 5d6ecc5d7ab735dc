package org.jvirt.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The snapshot calls of a {@link Domain}: libvirt's {@code virDomainSnapshot*} of
 * {@code libvirt-domain-snapshot.c} that take a domain. A concern of its own, kept apart so
 * {@code Domain} stays readable; every {@code Domain} is one.
 *
 * @since 1.13
 */
@ProviderType
public interface DomainSnapshots {
    /**
     * {@code virDomainSnapshotCreateXML}: takes a snapshot described by a {@code <domainsnapshot>}
     * document; {@code flags}: a mask of {@link SnapshotCreateFlag}.
     */
    DomainSnapshot snapshotCreateXml(String xml, int flags) throws VirtException;

    /** {@code virDomainListAllSnapshots}; {@code flags}: a mask of {@link SnapshotListFlag}. */
    List<DomainSnapshot> listAllSnapshots(int flags) throws VirtException;

    /** {@code virDomainSnapshotNum}; {@code flags}: a mask of {@link SnapshotListFlag}. */
    int snapshotNum(int flags) throws VirtException;

    /** {@code virDomainSnapshotListNames}; {@code flags}: a mask of {@link SnapshotListFlag}. */
    List<String> snapshotListNames(int flags) throws VirtException;

    /**
     * {@code virDomainSnapshotLookupByName}.
     *
     * @throws VirtException {@link ErrorCode#NO_DOMAIN_SNAPSHOT} when the domain has no such snapshot
     */
    DomainSnapshot snapshotLookupByName(String name, int flags) throws VirtException;

    /**
     * A handle on this domain's snapshot {@code name} made without asking the driver whether the
     * snapshot exists: libvirt's {@code virGetDomainSnapshot}, as libvirtd makes one from the name a
     * remote call sends ({@code get_nonnull_domain_snapshot}). A call on a handle whose snapshot
     * does not exist fails as the driver reports it ({@link ErrorCode#NO_DOMAIN_SNAPSHOT}). The
     * default looks the snapshot up ({@link #snapshotLookupByName}).
     *
     * @since 1.8
     */
    default DomainSnapshot snapshotHandle(String name) throws VirtException {
        return snapshotLookupByName(name, 0);
    }

    /** {@code virDomainHasCurrentSnapshot}. */
    boolean hasCurrentSnapshot(int flags) throws VirtException;

    /**
     * {@code virDomainSnapshotCurrent}.
     *
     * @throws VirtException {@link ErrorCode#NO_DOMAIN_SNAPSHOT} when the domain has no current snapshot
     */
    DomainSnapshot snapshotCurrent(int flags) throws VirtException;

    /** {@code virDomainRevertToSnapshot} of a snapshot of this domain (same as {@link DomainSnapshot#revert}). */
    void revertToSnapshot(DomainSnapshot snapshot, int flags) throws VirtException;
}

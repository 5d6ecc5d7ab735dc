package org.jvirt.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A snapshot of a {@link Domain}: libvirt's {@code virDomainSnapshotPtr}. It names its snapshot by
 * domain and name; every call asks the driver, so a snapshot deleted meanwhile fails with
 * {@link ErrorCode#NO_DOMAIN_SNAPSHOT}. Methods throw {@link VirtException}; a driver without
 * snapshots answers {@link ErrorCode#NO_SUPPORT} naming libvirt's function. Thread-safe.
 */
@ProviderType
public interface DomainSnapshot {

    /** The snapshot's name, unique within its domain. */
    String name();

    /** The domain this snapshot belongs to. */
    Domain domain();

    /** {@code virDomainSnapshotGetXMLDesc}: the {@code <domainsnapshot>} document. */
    String xmlDesc(int flags) throws VirtException;

    /** {@code virDomainSnapshotDelete}; {@code flags}: a mask of {@link SnapshotDeleteFlag}. */
    void delete(int flags) throws VirtException;

    /** {@code virDomainRevertToSnapshot}; {@code flags}: a mask of {@link SnapshotRevertFlag}. */
    void revert(int flags) throws VirtException;

    /**
     * {@code virDomainSnapshotGetParent}.
     *
     * @throws VirtException {@link ErrorCode#NO_DOMAIN_SNAPSHOT} when the snapshot has no parent
     */
    DomainSnapshot parent(int flags) throws VirtException;

    /** {@code virDomainSnapshotIsCurrent}: whether the domain runs on top of this snapshot. */
    boolean isCurrent(int flags) throws VirtException;

    /** {@code virDomainSnapshotHasMetadata}: whether libvirt (the driver) keeps metadata for it. */
    boolean hasMetadata(int flags) throws VirtException;

    /**
     * {@code virDomainSnapshotListAllChildren}: the children, or with {@link SnapshotListFlag#DESCENDANTS}
     * all descendants; {@code flags}: a mask of {@link SnapshotListFlag}.
     */
    List<DomainSnapshot> listAllChildren(int flags) throws VirtException;
}

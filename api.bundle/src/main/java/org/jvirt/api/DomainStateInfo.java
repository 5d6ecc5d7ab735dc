package org.jvirt.api;

/**
 * A domain's state and libvirt's reason number for it, as {@code virDomainGetState} returns.
 */
public record DomainStateInfo(DomainState state, int reason) {
    /** The named reason, or the state's "unknown" reason for numbers jvirt does not name. */
    public StateReason namedReason() {
        return StateReason.of(state, reason);
    }

    public static DomainStateInfo of(StateReason reason) {
        return new DomainStateInfo(reason.state(), reason.number());
    }
}

package org.jvirt.driver.hyperv.internal;

import org.jvirt.api.DomainState;

/**
 * {@code Msvm_ComputerSystem.EnabledState} and the states {@code RequestStateChange} takes, with the
 * values libvirt's {@code hyperv_wmi_classes.h} uses (Microsoft's "Msvm_ComputerSystem class" page:
 * Enabled 2, Disabled 3, and Hyper-V's Paused 32768, Suspended 32769, Starting 32770,
 * Snapshotting 32771, Saving 32773, Stopping 32774, Pausing 32776, Resuming 32777;
 * "RequestStateChange method of the Msvm_ComputerSystem class": Reboot 10, Reset 11).
 */
final class VmStates {
    static final int UNKNOWN = 0;
    static final int ENABLED = 2;
    static final int DISABLED = 3;
    /** RequestStateChange's Offline: Hyper-V saves the VM (libvirt's MSVM_COMPUTERSYSTEM_REQUESTEDSTATE_OFFLINE). */
    static final int OFFLINE = 6;
    static final int REBOOT = 10;
    static final int RESET = 11;
    static final int PAUSED = 32768;
    static final int SUSPENDED = 32769;
    static final int STARTING = 32770;
    static final int SNAPSHOTTING = 32771;
    static final int SAVING = 32773;
    static final int STOPPING = 32774;
    static final int PAUSING = 32776;
    static final int RESUMING = 32777;

    /** libvirt's {@code MSVM_COMPUTERSYSTEM_WQL_ACTIVE}. */
    static final String WQL_ACTIVE = "(EnabledState != 0 AND EnabledState != 3 AND EnabledState != 32769)";
    /** libvirt's {@code MSVM_COMPUTERSYSTEM_WQL_INACTIVE}. */
    static final String WQL_INACTIVE = "(EnabledState = 0 OR EnabledState = 3 OR EnabledState = 32769)";

    private VmStates() {
    }

    /** {@code hypervMsvmComputerSystemEnabledStateToDomainState}. */
    static DomainState domainState(int enabledState) {
        return switch (enabledState) {
            case ENABLED, STARTING, SNAPSHOTTING, SAVING, PAUSING, RESUMING -> DomainState.RUNNING;
            case DISABLED, SUSPENDED -> DomainState.SHUTOFF;
            case PAUSED -> DomainState.PAUSED;
            case STOPPING -> DomainState.SHUTDOWN;
            default -> DomainState.NOSTATE;
        };
    }

    /** {@code hypervIsMsvmComputerSystemActive}: not unknown, off or saved. */
    static boolean active(int enabledState) {
        return enabledState != UNKNOWN && enabledState != DISABLED && enabledState != SUSPENDED;
    }

    /** The transitional states ({@code in_transition} of {@code hypervIsMsvmComputerSystemActive}). */
    static boolean inTransition(int enabledState) {
        return switch (enabledState) {
            case STARTING, SNAPSHOTTING, SAVING, STOPPING, PAUSING, RESUMING -> true;
            default -> false;
        };
    }
}

package org.jvirt.driver.hyperv.internal;

/**
 * What a WMI method's ReturnValue means, as libvirt's {@code hypervReturnCodeToString} words it:
 * CIM's codes (0 to 4099, DSP1033 RequestStateChange) and Hyper-V's 327xx codes (Microsoft's
 * "Msvm_VirtualSystemManagementService" method pages, "Return value").
 */
final class ReturnCodes {
    static final int COMPLETED = 0;
    static final int TRANSITION_STARTED = 4096;

    private ReturnCodes() {
    }

    static String describe(long code) {
        return switch ((int) code) {
            case 0 -> "Completed with no error";
            case 1 -> "Not supported";
            case 2 -> "Unknown error";
            case 3 -> "Cannot complete within timeout period";
            case 4 -> "Failed";
            case 5 -> "Invalid parameter";
            case 6 -> "In use";
            case 4096 -> "Transition started";
            case 4097 -> "Invalid state transition";
            case 4098 -> "Timeout parameter not supported";
            case 4099 -> "Busy";
            case 32768 -> "Failed";
            case 32769 -> "Access denied";
            case 32770 -> "Not supported";
            case 32771 -> "Status is unknown";
            case 32772 -> "Timeout";
            case 32773 -> "Invalid parameter";
            case 32774 -> "System is in use";
            case 32775 -> "Invalid state for this operation";
            case 32776 -> "Incorrect data type";
            case 32777 -> "System is not available";
            case 32778 -> "Out of memory";
            default -> "Unknown return code";
        };
    }
}

package org.jvirt.driver.hyperv.internal;

/**
 * {@code Msvm_ConcreteJob.JobState} (CIM_ConcreteJob, Microsoft's "Msvm_ConcreteJob class" page):
 * New 2, Starting 3, Running 4, Suspended 5, Shutting Down 6, Completed 7, Terminated 8, Killed 9,
 * Exception 10, Service 11.
 */
final class JobStates {
    static final int NEW = 2;
    static final int STARTING = 3;
    static final int RUNNING = 4;
    static final int SHUTTING_DOWN = 6;
    static final int COMPLETED = 7;
    static final int TERMINATED = 8;
    static final int KILLED = 9;
    static final int EXCEPTION = 10;
    static final int SERVICE = 11;

    private JobStates() {
    }

    static String name(int state) {
        return switch (state) {
            case TERMINATED -> "terminated";
            case KILLED -> "killed";
            case EXCEPTION -> "exception";
            case SERVICE -> "service";
            default -> "state " + state;
        };
    }
}

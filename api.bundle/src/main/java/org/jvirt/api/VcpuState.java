package org.jvirt.api;

/** libvirt's {@code virVcpuState}. */
public enum VcpuState {
    OFFLINE(0, "offline"), RUNNING(1, "running"), BLOCKED(2, "blocked");

    private final int number;
    private final String label;

    VcpuState(int number, String label) {
        this.number = number;
        this.label = label;
    }

    public int number() {
        return number;
    }

    /** The text {@code virsh vcpuinfo} prints. */
    public String label() {
        return label;
    }

    public static VcpuState ofNumber(int number) {
        for (VcpuState s : values()) {
            if (s.number == number) {
                return s;
            }
        }
        return OFFLINE;
    }
}

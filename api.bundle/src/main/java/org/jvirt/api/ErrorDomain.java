package org.jvirt.api;

/** libvirt's {@code virErrorDomain}: which part of the stack raised an error. Append only. */
public enum ErrorDomain {
    NONE(0), XEN(1), XML(5), DOM(6), RPC(7), CONF(9), QEMU(10), TEST(12), REMOTE(13),
    LXC(17),
    STORAGE(18),
    DOMAIN(20), SECURITY(24), ESX(28), CPU(31), EVENT(40), LIBXL(41), HYPERV(43),
    CAPABILITIES(44), URI(45), AUTH(46), DEVICE(49), CGROUP(54), ACCESS(55), THREAD(61), XENXL(64), STREAMS(38), SECRET(30), NETWORK(19),
    DOMAIN_SNAPSHOT(35);

    private final int number;

    ErrorDomain(int number) {
        this.number = number;
    }

    /** libvirt's numeric {@code virErrorDomain}. */
    public int number() {
        return number;
    }

    /** The domain with libvirt's number, or {@link #NONE} for numbers jvirt does not know. */
    public static ErrorDomain ofNumber(int number) {
        for (ErrorDomain d : values()) {
            if (d.number == number) {
                return d;
            }
        }
        return NONE;
    }
}

package org.jvirt.driver.qemu.internal.caps;

/** The accelerators libvirt probes separately: each has its own machines and CPU models. */
public enum Accel {
    KVM("kvm"), TCG("tcg");

    private final String xmlName;

    Accel(String xmlName) {
        this.xmlName = xmlName;
    }

    /** The name used in the capabilities cache ({@code type='kvm'}) and on the command line. */
    public String xmlName() {
        return xmlName;
    }

    /** The accelerator of a domain type: {@code kvm} → KVM, everything else → TCG. */
    public static Accel forDomainType(String domainType) {
        return "kvm".equals(domainType) ? KVM : TCG;
    }

    public static Accel fromXml(String name) {
        for (Accel a : values()) {
            if (a.xmlName.equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown accelerator '" + name + "'");
    }
}

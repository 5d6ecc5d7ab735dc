package org.jvirt.api;

/** libvirt's {@code virSecretUsageType}, with the name its XML uses ({@code <usage type='ceph'>}). */
public enum SecretUsageType {
    NONE(0, "none"), VOLUME(1, "volume"), CEPH(2, "ceph"), ISCSI(3, "iscsi"), TLS(4, "tls"), VTPM(5, "vtpm");

    private final int number;
    private final String xmlName;

    SecretUsageType(int number, String xmlName) {
        this.number = number;
        this.xmlName = xmlName;
    }

    /** libvirt's number. */
    public int number() {
        return number;
    }

    /** The {@code type} attribute of {@code <usage>}. */
    public String xmlName() {
        return xmlName;
    }

    /** The type with libvirt's number, or null when libvirt has none with that number. */
    public static SecretUsageType ofNumber(int number) {
        for (SecretUsageType t : values()) {
            if (t.number == number) {
                return t;
            }
        }
        return null;
    }

    /** The type named {@code name} in XML, or null when there is none. */
    public static SecretUsageType ofXmlName(String name) {
        for (SecretUsageType t : values()) {
            if (t.xmlName.equals(name)) {
                return t;
            }
        }
        return null;
    }
}

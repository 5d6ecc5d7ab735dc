package org.jvirt.api;

/** libvirt's {@code virDomainMemoryStatTags}, with the names {@code virsh dommemstat} prints. */
public enum MemoryStatTag {
    SWAP_IN(0, "swap_in"), SWAP_OUT(1, "swap_out"), MAJOR_FAULT(2, "major_fault"),
    MINOR_FAULT(3, "minor_fault"), UNUSED(4, "unused"), AVAILABLE(5, "available"),
    ACTUAL_BALLOON(6, "actual"), RSS(7, "rss"), USABLE(8, "usable"), LAST_UPDATE(9, "last_update"),
    DISK_CACHES(10, "disk_caches"), HUGETLB_PGALLOC(11, "hugetlb_pgalloc"),
    HUGETLB_PGFAIL(12, "hugetlb_pgfail");

    private final int number;
    private final String label;

    MemoryStatTag(int number, String label) {
        this.number = number;
        this.label = label;
    }

    public int number() {
        return number;
    }

    /** The name virsh prints for it. */
    public String label() {
        return label;
    }

    /** The tag numbered {@code number}, or null when libvirt has none. */
    public static MemoryStatTag ofNumber(int number) {
        for (MemoryStatTag t : values()) {
            if (t.number == number) {
                return t;
            }
        }
        return null;
    }
}

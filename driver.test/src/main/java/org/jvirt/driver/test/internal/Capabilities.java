package org.jvirt.driver.test.internal;

/**
 * The capabilities XML of libvirt's test driver ({@code testBuildCapabilities} formatted by
 * {@code virCapabilitiesFormatXML}): an i686 host with four page sizes, a NUMA topology, the
 * {@code testSecurity} model and hvm and xen guests.
 */
final class Capabilities {
    private static final int[] PAGE_SIZES = {4, 8, 2048, 1024 * 1024};

    private Capabilities() {
    }

    /**
     * @param cellMemKiB memory of each NUMA cell in KiB (none for a host loaded from a file)
     * @param cpusPerCell CPUs per cell; CPU {@code i} sits in socket {@code i / cpusPerCell}
     */
    static String format(long[] cellMemKiB, int cpusPerCell) {
        StringBuilder b = new StringBuilder();
        b.append("<capabilities>\n\n  <host>\n    <cpu>\n      <arch>i686</arch>\n")
                .append("      <features>\n        <pae/>\n        <nonpae/>\n      </features>\n");
        for (int size : PAGE_SIZES) {
            b.append("      <pages unit='KiB' size='").append(size).append("'/>\n");
        }
        b.append("    </cpu>\n    <power_management/>\n    <iommu support='no'/>\n    <topology>\n")
                .append("      <cells num='").append(cellMemKiB.length).append("'>\n");
        for (int cell = 0; cell < cellMemKiB.length; cell++) {
            appendCell(b, cell, cellMemKiB[cell], cpusPerCell);
        }
        b.append("      </cells>\n    </topology>\n    <secmodel>\n      <model>testSecurity</model>\n")
                .append("      <doi></doi>\n    </secmodel>\n  </host>\n\n");
        appendGuest(b, "hvm");
        appendGuest(b, "xen");
        return b.append("</capabilities>\n").toString();
    }

    private static void appendCell(StringBuilder b, int cell, long memKiB, int cpusPerCell) {
        // cell 1 reports its first page size as 8 KiB: libvirt's test data does so on purpose
        int firstPage = cell == 1 ? PAGE_SIZES[1] : PAGE_SIZES[0];
        b.append("        <cell id='").append(cell).append("'>\n")
                .append("          <memory unit='KiB'>").append(memKiB).append("</memory>\n")
                .append("          <pages unit='KiB' size='").append(firstPage).append("'>")
                .append(memKiB / firstPage).append("</pages>\n");
        for (int i = 2; i < PAGE_SIZES.length; i++) {
            b.append("          <pages unit='KiB' size='").append(PAGE_SIZES[i]).append("'>0</pages>\n");
        }
        b.append("          <cpus num='").append(cpusPerCell).append("'>\n");
        for (int c = 0; c < cpusPerCell; c++) {
            int id = cell * cpusPerCell + c;
            b.append("            <cpu id='").append(id).append("' socket_id='").append(cell)
                    .append("' die_id='0' core_id='").append(c).append("' siblings='").append(id)
                    .append("'/>\n");
        }
        b.append("          </cpus>\n        </cell>\n");
    }

    private static void appendGuest(StringBuilder b, String osType) {
        b.append("  <guest>\n    <os_type>").append(osType).append("</os_type>\n")
                .append("    <arch name='i686'>\n      <wordsize>32</wordsize>\n")
                .append("      <emulator>/usr/bin/test-hv</emulator>\n      <domain type='test'/>\n")
                .append("    </arch>\n    <features>\n      <pae/>\n      <nonpae/>\n    </features>\n")
                .append("  </guest>\n\n");
    }
}

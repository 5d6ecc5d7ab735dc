package org.jvirt.driver.qemu.internal.hotplug;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.DiskSource;
import org.jvirt.api.xml.DomainDef;

/**
 * The numbers of the disks' {@code -blockdev} nodes ({@code libvirt-<n>-storage/-format}), kept in
 * the live definition as libvirt keeps them ({@code <source index='n'>}). A start numbers the disks
 * from the last (n = number of disks) to the first (1); a hot-plugged disk or a new medium gets
 * the next number above all, so the numbers of the disks already there never change.
 */
public final class NodeIndexes {
    private static final Pattern NODE_NAME = Pattern.compile("libvirt-(\\d{1,9})-.*");

    private NodeIndexes() {
    }

    /** {@code live} with every disk that has a source numbered (the start's numbers where missing). */
    public static DomainDef numbered(DomainDef live) {
        List<Disk> disks = live.devices().disks();
        boolean missing = disks.stream().anyMatch(d -> hasSource(d) && d.source().index() == null);
        if (!missing) {
            return live;
        }
        List<Device> all = new ArrayList<>(live.devices().all());
        int n = disks.size();
        for (Disk d : disks) {
            if (hasSource(d) && d.source().index() == null) {
                all.set(all.indexOf(d), withIndex(d, n));
            }
            n--;
        }
        return live.withDevices(live.devices().withAll(all));
    }

    /**
     * The number for a new node: above every number in the definition, every number the start gave
     * and every number of the nodes QEMU has ({@code nodeNames}, e.g. {@code libvirt-3-storage}).
     * libvirt counts up per guest and never reuses a number; this never reuses one QEMU still has.
     */
    public static int next(DomainDef numbered, Collection<String> nodeNames) {
        List<Disk> disks = numbered.devices().disks();
        int max = disks.size();
        for (String name : nodeNames) {
            Matcher m = NODE_NAME.matcher(name);
            if (m.matches()) {
                max = Math.max(max, Integer.parseInt(m.group(1)));
            }
        }
        for (Disk d : disks) {
            if (hasSource(d) && d.source().index() != null) {
                max = Math.max(max, d.source().index());
            }
        }
        return max + 1;
    }

    public static Disk withIndex(Disk d, int n) {
        return d.toBuilder().source(d.source().toBuilder().index(n).build()).build();
    }

    /** Whether the disk has a medium (libvirt's !virStorageSourceIsEmpty). */
    public static boolean hasSource(Disk d) {
        DiskSource s = d.source();
        return s != null && (s.file() != null || s.dev() != null || s.name() != null || s.dir() != null
                || s.protocol() != null || s.volume() != null);
    }
}

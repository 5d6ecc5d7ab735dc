package org.jvirt.driver.qemu.internal.command;

import java.util.BitSet;

import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.MemoryBacking;
import org.jvirt.api.xml.MemoryBacking.Page;

/**
 * {@code <memoryBacking>}: which QEMU memory backend a RAM region gets (anonymous RAM, a file in
 * hugetlbfs or libvirt's memory directory, memfd) and its share/prealloc properties.
 */
final class MemoryBackendObjects {
    private final DomainDef def;
    private final CommandEnv env;

    MemoryBackendObjects(DomainDef def, CommandEnv env) {
        this.def = def;
        this.env = env;
    }

    /**
     * The backend object for a RAM region.
     *
     * @param id        {@code pc.ram} or {@code ram-nodeN}
     * @param cellId    the NUMA cell, or -1 for the machine's whole RAM
     * @param memAccess the cell's memAccess, or null
     */
    Json backend(String id, int cellId, String memAccess, long bytes) {
        long pageKib = hugepageFor(cellId);
        MemoryBacking mb = def.memoryBacking();
        String source = mb == null ? null : mb.sourceType();
        String access = memAccess != null ? memAccess : mb == null ? null : mb.accessMode();
        Json j = Json.object();
        String shortName = CommandEnv.shortName(def.id(), def.name());
        if (pageKib > 0) {
            j.put("qom-type", "memory-backend-file").put("id", id)
                    .put("mem-path", env.host().hugepagesMount(pageKib) + "/libvirt/qemu/" + shortName);
        } else if ("file".equals(source) || (access != null && !"memfd".equals(source))) {
            j.put("qom-type", "memory-backend-file").put("id", id)
                    .put("mem-path", env.memoryDir() + "/" + shortName + "/" + id);
        } else if ("memfd".equals(source)) {
            j.put("qom-type", "memory-backend-memfd").put("id", id);
        } else {
            j.put("qom-type", "memory-backend-ram").put("id", id);
        }
        boolean isFile = pageKib > 0 || "file".equals(source) || "memfd".equals(source) || access != null;
        if (isFile && access != null) {
            j.put("share", "shared".equals(access));
        }
        if (isFile && cellId < 0 && !"memfd".equals(source)) {
            j.put("x-use-canonical-path-for-ramblock-id", false);
        }
        if (prealloc(cellId)) {
            j.put("prealloc", true);
        }
        j.put("size", bytes);
        return j;
    }

    /** Whether the region's memory is allocated up front (hugepages or allocation immediate). */
    boolean prealloc(int cellId) {
        MemoryBacking mb = def.memoryBacking();
        boolean immediate = mb != null && "immediate".equals(mb.allocationMode());
        return hugepageFor(cellId) > 0 || immediate;
    }

    /** The hugepage size (KiB) backing a cell (or all RAM for -1), 0 for normal pages. */
    private long hugepageFor(int cellId) {
        MemoryBacking mb = def.memoryBacking();
        if (mb == null || !mb.hugepages()) {
            return 0;
        }
        if (mb.pages().isEmpty()) {
            return env.host().defaultHugepageKib();
        }
        for (Page p : mb.pages()) {
            String nodeset = p.nodeset();
            long size = p.sizeKib();
            if (size <= 4) {
                size = 0; // the system page size: no hugepages
            }
            if (nodeset == null || cellId < 0) {
                return size;
            }
            BitSet nodes = CpuSets.parse(nodeset);
            if (nodes.get(cellId)) {
                return size;
            }
        }
        return 0;
    }
}

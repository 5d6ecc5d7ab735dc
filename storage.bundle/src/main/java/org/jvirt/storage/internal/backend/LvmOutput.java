package org.jvirt.storage.internal.backend;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * What libvirt reads from LVM's reports ({@code storage_backend_logical.c}), with its regular
 * expressions: lines that do not match are left out, as {@code virCommandRunRegex} does.
 */
public final class LvmOutput {
    /** {@code VIR_STORAGE_VOL_LOGICAL_REGEX}: '#' separated, as ':' and ',' can be in names and device lists. */
    private static final Pattern LV = Pattern.compile(
            "^\\s*(\\S+)#(\\S*)#(\\S+)#(\\S+)#(\\S+)#([0-9]+)#(\\S+)#([0-9]+)#([0-9]+)#(\\S+)#?\\s*$");
    private static final Pattern VG = Pattern.compile("^\\s*(\\S+):([0-9]+):?\\s*$");
    private static final Pattern PV = Pattern.compile("^\\s*(\\S+)\\s+(\\S+)\\s*$");
    private static final String EXTENT_UNIT = "(\\S+)\\((\\S+)\\)";

    private LvmOutput() {
    }

    /**
     * One logical volume as libvirt keeps it from its {@code lvs} lines.
     *
     * @param name       the LV's name
     * @param origin     the origin of a snapshot, null for none (and for the hidden origin of a sparse LV)
     * @param uuid       the LV's UUID, the volume's key
     * @param size       {@code size} in bytes, the volume's allocation
     * @param sparse     whether it is a sparse ({@code --virtualsize}) snapshot
     * @param extents    device path, start and end byte of each extent
     */
    public record Lv(String name, String origin, String uuid, long size, boolean sparse, List<Extent> extents) {
    }

    /** An extent of a logical volume on a physical device. */
    public record Extent(String device, long start, long end) {
    }

    /** {@code virStorageBackendLogicalFindLVs} / {@code MakeVol}: active LVs that are not thin pools, by name. */
    public static Map<String, Lv> lvs(String output) throws VirtException {
        Map<String, Lv> out = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            Matcher m = LV.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String attrs = m.group(10);
            // inactive LVs have no device; thin pools show up without a /dev/<vg>/<lv> either
            if (attrs.length() < 5 || attrs.charAt(4) != 'a' || attrs.charAt(0) == 't') {
                continue;
            }
            String name = m.group(1);
            String origin = m.group(2).isEmpty() || m.group(2).startsWith("[") ? null : m.group(2);
            long size = number(m.group(9), "malformed volume allocation value");
            List<Extent> extents = new ArrayList<>();
            Lv known = out.get(name);
            if (known != null) {
                extents.addAll(known.extents());
            }
            extents.addAll(extents(m));
            out.put(name, new Lv(name, origin, known != null ? known.uuid() : m.group(3), size,
                    attrs.charAt(0) == 's', List.copyOf(extents)));
        }
        return out;
    }

    /** {@code virStorageBackendLogicalParseVolExtents}: as many extents as stripes for striped, mirror and raid. */
    private static List<Extent> extents(Matcher m) throws VirtException {
        String segtype = m.group(5);
        int count = 1;
        if (segtype.equals("striped") || segtype.equals("mirror") || segtype.startsWith("raid")) {
            count = (int) number(m.group(6), "malformed volume extent stripes value");
        }
        long length = number(m.group(7), "malformed volume extent length value");
        long extentSize = number(m.group(8), "malformed volume extent size value");
        // libvirt's regex: one "path(offset)" unit per extent, ',' between them
        Matcher e = Pattern.compile(String.join(",", Collections.nCopies(count, EXTENT_UNIT))).matcher(m.group(4));
        if (!e.find()) {
            throw internal("malformed volume extent devices value");
        }
        List<Extent> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long offset = number(e.group(2 * i + 2), "malformed volume extent offset value");
            out.add(new Extent(e.group(2 * i + 1), offset * extentSize, offset * extentSize + length));
        }
        return out;
    }

    /** The {@code vgs} line: capacity and available; allocation is their difference. */
    public static DirBackend.Sizes vgs(String output) throws VirtException {
        for (String line : output.split("\n")) {
            Matcher m = VG.matcher(line);
            if (m.matches()) {
                long capacity = number(m.group(1), "malformed volume group size");
                long available = number(m.group(2), "malformed volume group free size");
                return new DirBackend.Sizes(capacity, capacity - available, available);
            }
        }
        throw internal("failed to parse vgs output");
    }

    /** {@code pvs --noheadings -o pv_name,vg_name}: the devices of each volume group (PVs in none are left out). */
    public static Map<String, List<String>> pvs(String output) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            Matcher m = PV.matcher(line);
            if (m.matches()) {
                out.computeIfAbsent(m.group(2), k -> new ArrayList<>()).add(m.group(1));
            }
        }
        return out;
    }

    private static long number(String s, String error) throws VirtException {
        try {
            return Long.parseUnsignedLong(s);
        } catch (NumberFormatException e) {
            throw internal(error);
        }
    }

    private static VirtException internal(String message) {
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.STORAGE, message);
    }
}

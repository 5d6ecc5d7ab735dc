package org.jvirt.driver.qemu.internal.cgroup;

import static org.jvirt.driver.qemu.internal.cgroup.BpfAssembler.AND;
import static org.jvirt.driver.qemu.internal.cgroup.BpfAssembler.ADD;
import static org.jvirt.driver.qemu.internal.cgroup.BpfAssembler.LSH;
import static org.jvirt.driver.qemu.internal.cgroup.BpfAssembler.OR;
import static org.jvirt.driver.qemu.internal.cgroup.BpfAssembler.R0;
import static org.jvirt.driver.qemu.internal.cgroup.BpfAssembler.R1;
import static org.jvirt.driver.qemu.internal.cgroup.BpfAssembler.R10;
import static org.jvirt.driver.qemu.internal.cgroup.BpfAssembler.R2;
import static org.jvirt.driver.qemu.internal.cgroup.BpfAssembler.R6;

/**
 * libvirt's BPF_PROG_TYPE_CGROUP_DEVICE program (vircgroupv2devices.c, virCgroupV2DevicesLoadProg):
 * for each access the kernel asks about ({@code struct bpf_cgroup_dev_ctx}: access_type =
 * access bits {@literal <<} 16 | device type, major, minor) it looks up four keys of the hash map
 * of allowed devices, most specific first, and allows the access when an entry's value holds every
 * bit of access_type (the access asked for and the device's type):
 * <ol>
 * <li>{@code major << 32 | minor}, the device itself;</li>
 * <li>{@code major << 32 | 0xffffffff}, every minor of the major ({@code c 136:*});</li>
 * <li>{@code 0xffffffff << 32 | minor}, that minor of every major;</li>
 * <li>{@code 0xffffffffffffffff}, every device.</li>
 * </ol>
 * Nothing found allows: the access is refused (EPERM). The map is a u64 → u32 hash
 * ({@link DeviceRule#key()}, {@link DeviceRule#value()}).
 */
final class DeviceFilterProgram {
    /** Offsets in struct bpf_cgroup_dev_ctx. */
    private static final int ACCESS_TYPE = 0;
    private static final int MAJOR = 4;
    private static final int MINOR = 8;
    /** The key's slot on the stack. */
    private static final int KEY = -8;

    private DeviceFilterProgram() {
    }

    /** The program's instructions, bound to the map of descriptor {@code mapFd}. */
    static byte[] instructions(int mapFd) {
        BpfAssembler a = new BpfAssembler();
        // r6 = ctx: r1 does not survive the helper calls
        a.mov(R6, R1);

        // key = major << 32 | minor
        a.loadWord(R1, R6, MINOR).loadWord(R2, R6, MAJOR).aluImm(LSH, R2, 32).alu(OR, R2, R1);
        lookupAndCheck(a, mapFd, "majorWildcard");

        // key = major << 32 | 0xffffffff (any minor)
        a.label("majorWildcard");
        a.loadWord(R2, R6, MAJOR).aluImm(LSH, R2, 32).loadImm64(R1, 0xffffffffL).alu(OR, R2, R1);
        lookupAndCheck(a, mapFd, "minorWildcard");

        // key = 0xffffffff << 32 | minor (any major)
        a.label("minorWildcard");
        a.loadWord(R2, R6, MINOR).loadImm64(R1, 0xffffffff00000000L).alu(OR, R2, R1);
        lookupAndCheck(a, mapFd, "allWildcard");

        // key = 0xffffffffffffffff (any device)
        a.label("allWildcard");
        a.movImm(R2, -1);
        lookupAndCheck(a, mapFd, "refuse");

        // no entry allows it
        a.label("refuse");
        a.movImm(R0, 0).exit();
        a.label("allow");
        a.movImm(R0, 1).exit();
        return a.assemble();
    }

    /**
     * Stores the key in r2 on the stack, looks it up, and jumps to "allow" when the value found
     * covers access_type; to {@code next} when there is no entry or it does not.
     */
    private static void lookupAndCheck(BpfAssembler a, int mapFd, String next) {
        // *(u64 *)(r10 - 8) = key; r2 = &key; r1 = map
        a.storeDouble(R10, R2, KEY).mov(R2, R10).aluImm(ADD, R2, KEY).loadMapFd(R1, mapFd);
        // r0 = bpf_map_lookup_elem(map, &key); no entry: next key
        a.call(BpfAssembler.FUNC_MAP_LOOKUP_ELEM).jumpIfImm(R0, 0, next);
        // (value & access_type) == access_type: allowed
        a.loadWord(R1, R0, 0).loadWord(R2, R6, ACCESS_TYPE).alu(AND, R1, R2).jumpIfEqual(R1, R2, "allow");
    }
}

package org.jvirt.driver.qemu.internal.cgroup;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * One entry of a guest's device access list, as cgroup v1's {@code devices.allow} line
 * ({@code c 136:* rw}) and as the key and value of cgroup v2's BPF device map (libvirt's
 * virCgroupV2DevicesGetKey and virCgroupV2DevicesGetPerms): the key is {@code major << 32 | minor}
 * with 0xffffffff for {@code *}, the value the access bits ({@code BPF_DEVCG_ACC_*}) shifted left
 * by 16 or'ed with the device type bits ({@code BPF_DEVCG_DEV_*}; {@code a} is both).
 *
 * @param major -1 for every major ({@code *})
 * @param minor -1 for every minor
 * @param perms {@link #READ}, {@link #WRITE}, {@link #MKNOD} (libvirt's VIR_CGROUP_DEVICE_*)
 */
record DeviceRule(char type, int major, int minor, int perms) {
    static final int READ = 1;
    static final int WRITE = 2;
    static final int MKNOD = 4;

    /** BPF_DEVCG_ACC_* and BPF_DEVCG_DEV_* of linux/bpf.h. */
    private static final int ACC_MKNOD = 1;
    private static final int ACC_READ = 2;
    private static final int ACC_WRITE = 4;
    private static final int DEV_BLOCK = 1;
    private static final int DEV_CHAR = 2;
    static final int ACCESS_SHIFT = 16;

    /** Parses a {@code devices.allow} line: {@code TYPE MAJOR:MINOR PERMS}. */
    static DeviceRule parse(String line) throws VirtException {
        String[] f = line.strip().split("\\s+");
        String[] mm = f.length == 3 ? f[1].split(":", -1) : new String[0];
        if (f.length != 3 || f[0].length() != 1 || "abc".indexOf(f[0].charAt(0)) < 0 || mm.length != 2
                || !f[2].matches("[rwm]+")) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.CGROUP,
                    "invalid device access entry '" + line + "'");
        }
        int perms = (f[2].indexOf('r') >= 0 ? READ : 0) | (f[2].indexOf('w') >= 0 ? WRITE : 0)
                | (f[2].indexOf('m') >= 0 ? MKNOD : 0);
        try {
            return new DeviceRule(f[0].charAt(0), number(mm[0]), number(mm[1]), perms);
        } catch (NumberFormatException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.CGROUP,
                    "invalid device access entry '" + line + "'");
        }
    }

    private static int number(String s) {
        return "*".equals(s) ? -1 : Integer.parseInt(s);
    }

    /** The BPF map key: {@code (u64)major << 32 | (u32)minor}. */
    long key() {
        return (long) major << 32 | (minor & 0xffffffffL);
    }

    /** The BPF map value: access bits {@literal <<} 16 | device type bits. */
    int value() {
        return accessBits(perms) << ACCESS_SHIFT | typeBits(type);
    }

    static int accessBits(int perms) {
        return ((perms & MKNOD) != 0 ? ACC_MKNOD : 0) | ((perms & READ) != 0 ? ACC_READ : 0)
                | ((perms & WRITE) != 0 ? ACC_WRITE : 0);
    }

    static int typeBits(char type) {
        return type == 'b' ? DEV_BLOCK : type == 'c' ? DEV_CHAR : DEV_BLOCK | DEV_CHAR;
    }

    /** The rule a map entry stands for (a value with both type bits is type {@code a}). */
    static DeviceRule ofEntry(long key, int value) {
        int major = (int) (key >>> 32);
        int minor = (int) key;
        int acc = value >>> ACCESS_SHIFT;
        int types = value & (DEV_BLOCK | DEV_CHAR);
        char type = types == DEV_BLOCK ? 'b' : types == DEV_CHAR ? 'c' : 'a';
        int perms = ((acc & ACC_READ) != 0 ? READ : 0) | ((acc & ACC_WRITE) != 0 ? WRITE : 0)
                | ((acc & ACC_MKNOD) != 0 ? MKNOD : 0);
        return new DeviceRule(type, major, minor, perms);
    }

    /** The {@code devices.allow} form. */
    @Override
    public String toString() {
        return type + " " + (major == -1 ? "*" : Integer.toString(major)) + ":"
                + (minor == -1 ? "*" : Integer.toString(minor)) + " " + ((perms & READ) != 0 ? "r" : "")
                + ((perms & WRITE) != 0 ? "w" : "") + ((perms & MKNOD) != 0 ? "m" : "");
    }
}

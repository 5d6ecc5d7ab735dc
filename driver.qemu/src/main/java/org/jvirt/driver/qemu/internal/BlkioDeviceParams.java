package org.jvirt.driver.qemu.internal;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.BlkioTune;

/**
 * The per-device parameters of {@code virsh blkiotune} ({@code device_weight},
 * {@code device_read_iops_sec}, ...): libvirt's qemuDomainParseBlkioDeviceStr, which reads
 * {@code path,value[,path,value...]}, and qemuDomainMergeBlkioDevice, which folds the values into
 * the {@code <blkiotune>} devices (a device with every value 0 is left out).
 */
final class BlkioDeviceParams {
    static final String WEIGHT = "device_weight";
    static final String READ_IOPS = "device_read_iops_sec";
    static final String WRITE_IOPS = "device_write_iops_sec";
    static final String READ_BYTES = "device_read_bytes_sec";
    static final String WRITE_BYTES = "device_write_bytes_sec";

    /** One device's value of one parameter. */
    record Value(String path, long value) {
    }

    private BlkioDeviceParams() {
    }

    /** qemuDomainParseBlkioDeviceStr: an empty string is no device; errors use libvirt's words. */
    static List<Value> parse(String field, String s) throws VirtException {
        List<Value> out = new ArrayList<>();
        if (s.isEmpty()) {
            return out;
        }
        long commas = s.chars().filter(ch -> ch == ',').count();
        if ((commas & 1) == 0) {   // an even number of fields has an odd number of commas
            throw parseError(field, s);
        }
        String[] parts = s.split(",", -1);
        int offset = 0;
        for (int i = 0; i + 1 < parts.length; i += 2) {
            String path = parts[i];
            offset += path.length() + 1;
            String v = parts[i + 1];
            boolean bytes = field.equals(READ_BYTES) || field.equals(WRITE_BYTES);
            // virStrToLong_* fail without digits (libvirt then quotes the rest of the string);
            // digits followed by anything but the next comma are a parse error
            String digits = v.replaceFirst("^([0-9]*).*$", "$1");
            if (digits.isEmpty() || !fits(digits, bytes)) {
                throw numberError(s.substring(offset), field, path);
            }
            if (digits.length() != v.length()) {
                throw parseError(field, s);
            }
            out.add(new Value(path, Long.parseUnsignedLong(digits)));
            offset += v.length() + 1;
        }
        return out;
    }

    /** Within unsigned int, or unsigned long long for bytes. */
    private static boolean fits(String digits, boolean unsignedLong) {
        try {
            long n = Long.parseUnsignedLong(digits);
            return unsignedLong || Long.compareUnsigned(n, 0xFFFFFFFFL) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** qemuDomainMergeBlkioDevice: the values into {@code devices}, by path. */
    static List<BlkioTune.Device> merge(List<BlkioTune.Device> devices, List<Value> values, String field) {
        List<BlkioTune.Device> out = new ArrayList<>(devices);
        for (Value v : values) {
            int at = -1;
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i).path().equals(v.path())) {
                    at = i;
                    break;
                }
            }
            if (at >= 0) {
                out.set(at, with(out.get(at), field, v.value()));
            } else if (v.value() != 0) {
                out.add(with(new BlkioTune.Device(v.path(), null, null, null, null, null), field, v.value()));
            }
        }
        // libvirt keeps a device whose values are all 0 but never formats it: it is gone
        out.removeIf(BlkioDeviceParams::unset);
        return out;
    }

    private static boolean unset(BlkioTune.Device d) {
        return zero(d.weight()) && zero(d.readIopsSec()) && zero(d.writeIopsSec()) && zero(d.readBytesSec())
                && zero(d.writeBytesSec());
    }

    private static boolean zero(Number n) {
        return n == null || n.longValue() == 0;
    }

    private static BlkioTune.Device with(BlkioTune.Device d, String field, long v) {
        return switch (field) {
            case WEIGHT -> new BlkioTune.Device(d.path(), (int) v, d.readBytesSec(), d.writeBytesSec(),
                    d.readIopsSec(), d.writeIopsSec());
            case READ_IOPS -> new BlkioTune.Device(d.path(), d.weight(), d.readBytesSec(), d.writeBytesSec(),
                    (int) v, d.writeIopsSec());
            case WRITE_IOPS -> new BlkioTune.Device(d.path(), d.weight(), d.readBytesSec(), d.writeBytesSec(),
                    d.readIopsSec(), (int) v);
            case READ_BYTES -> new BlkioTune.Device(d.path(), d.weight(), v, d.writeBytesSec(), d.readIopsSec(),
                    d.writeIopsSec());
            case WRITE_BYTES -> new BlkioTune.Device(d.path(), d.weight(), d.readBytesSec(), v, d.readIopsSec(),
                    d.writeIopsSec());
            default -> throw new IllegalArgumentException(field);
        };
    }

    private static VirtException parseError(String field, String s) {
        return new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                "unable to parse blkio device '" + field + "' '" + s + "'");
    }

    private static VirtException numberError(String v, String field, String path) {
        return new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                "invalid value '" + v + "' for parameter '" + field + "' of device '" + path + "'");
    }
}

package org.jvirt.storage.internal.backend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.StorageVolType;
import org.jvirt.api.VirtException;
import org.jvirt.storage.internal.conf.VolDef;
import org.jvirt.storage.internal.conf.VolEncryption;

/**
 * The qemu-img command line that creates a volume or converts another into it, exactly as libvirt
 * 9.0's {@code virStorageBackendCreateQemuImgCmdFromVol} builds it (without encryption, which jvirt's
 * storage does not do yet).
 */
public final class QemuImgCommand {

    private QemuImgCommand() {
    }

    /**
     * @param tool       the qemu-img to run
     * @param poolTarget the pool's target path (relative backing paths are checked against it)
     * @param vol        the new volume, with its path
     * @param input      the volume to convert from, null to create
     * @param preallocate {@code VIR_STORAGE_VOL_CREATE_PREALLOC_METADATA}
     */
    public static List<String> build(String tool, String poolTarget, VolDef vol, VolDef input, boolean preallocate)
            throws VirtException {
        VolEncryption encryption = vol.encryption() != null ? vol.encryption() : input == null ? null : input.encryption();
        if (encryption != null && !encryption.format().equals("luks")) {
            throw unsupported("unsupported volume encryption format " + encryptionNumber(encryption.format()));
        }
        if (encryption != null) {
            throw unsupported("storage pool does not support encrypted volumes");
        }
        String format = vol.type() == StorageVolType.BLOCK || "iso".equals(vol.format()) ? "raw" : vol.format();
        if (preallocate && !"qcow2".equals(format)) {
            throw unsupported("metadata preallocation only available with qcow2");
        }
        if (vol.compat() != null && !"qcow2".equals(format)) {
            throw unsupported("compatibility option only available with qcow2");
        }
        if (vol.features() != null && !"qcow2".equals(format)) {
            throw unsupported("format features only available with qcow2");
        }
        String inputPath = null;
        String inputFormat = null;
        if (input != null) {
            inputPath = input.path();
            if (inputPath == null) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.STORAGE, "missing input volume target path");
            }
            inputFormat = input.type() == StorageVolType.BLOCK || "iso".equals(input.format()) ? "raw" : input.format();
        }
        String backingPath = null;
        String backingFormat = null;
        if (vol.backing() != null) {
            if ("raw".equals(format)) {
                throw unsupported("cannot set backing store for raw volume");
            }
            backingFormat = vol.backing().format();
            backingPath = vol.backing().path();
            if (preallocate) {
                throw unsupported("metadata preallocation conflicts with backing store");
            }
            if (input != null && input.backing() != null && !input.backing().path().equals(backingPath)) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.STORAGE,
                        "a different backing store cannot be specified.");
            }
            Path check = backingPath.startsWith("/") ? Path.of(backingPath) : Path.of(poolTarget + "/" + backingPath);
            if (!Files.isReadable(check)) {
                throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.STORAGE,
                        "inaccessible backing store volume " + backingPath + ": No such file or directory");
            }
        }
        long sizeKiB = Long.divideUnsigned(vol.capacity(), 1024) + (Long.remainderUnsigned(vol.capacity(), 1024) == 0 ? 0 : 1);
        long allocKiB = Long.divideUnsigned(vol.allocation(), 1024) + (Long.remainderUnsigned(vol.allocation(), 1024) == 0 ? 0 : 1);

        List<String> argv = new ArrayList<>();
        argv.add(tool);
        if (inputPath != null) {
            backingPath = null; // converting ignores the backing volume
            argv.addAll(List.of("convert", "-f", inputFormat, "-O", format));
        } else {
            argv.addAll(List.of("create", "-f", format));
        }
        if (backingPath != null) {
            argv.addAll(List.of("-b", backingPath));
        }
        String opts = options(format, backingPath, backingFormat, preallocate, sizeKiB, allocKiB, vol);
        if (!opts.isEmpty()) {
            argv.addAll(List.of("-o", opts));
        }
        if (inputPath != null) {
            argv.add(inputPath);
        }
        argv.add(vol.path());
        if (inputPath == null && (sizeKiB != 0 || backingPath == null)) {
            argv.add(Long.toUnsignedString(sizeKiB) + "K");
        }
        return argv;
    }

    /** {@code storageBackendCreateQemuImgOpts}. */
    private static String options(String format, String backingPath, String backingFormat, boolean preallocate,
                                  long sizeKiB, long allocKiB, VolDef vol) throws VirtException {
        StringBuilder b = new StringBuilder();
        if (backingPath != null) {
            b.append("backing_fmt=").append(backingFormat).append(',');
        }
        if (preallocate) {
            b.append(Long.compareUnsigned(sizeKiB, allocKiB) > 0 ? "preallocation=metadata," : "preallocation=falloc,");
        }
        if (vol.nocow()) {
            b.append("nocow=on,");
        }
        if (vol.compat() != null) {
            b.append("compat=").append(vol.compat()).append(',');
        } else if ("qcow2".equals(format)) {
            b.append("compat=0.10,");
        }
        if (vol.clusterSize() > 0) {
            b.append("cluster_size=").append(Long.toUnsignedString(vol.clusterSize())).append(',');
        }
        if (vol.features() != null && "qcow2".equals(format)) {
            if (vol.features().contains("lazy_refcounts")) {
                if ("0.10".equals(vol.compat())) {
                    throw unsupported("lazy_refcounts not supported with compat level " + vol.compat());
                }
                b.append("lazy_refcounts,");
            }
            if (vol.features().contains("extended_l2")) {
                if ("0.10".equals(vol.compat())) {
                    throw unsupported("'extended_l2' not supported with compat level " + vol.compat());
                }
                b.append("extended_l2=on,");
            }
        }
        while (b.length() > 0 && b.charAt(b.length() - 1) == ',') {
            b.setLength(b.length() - 1);
        }
        return b.toString();
    }

    /** libvirt names the format by its {@code virStorageEncryptionFormatType} number in this message. */
    private static int encryptionNumber(String format) {
        return List.of("default", "qcow", "luks").indexOf(format);
    }

    private static VirtException unsupported(String message) {
        return new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.STORAGE, message);
    }
}

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
 * The qemu-img command lines that create a volume or convert another into it, exactly as libvirt
 * 9.0's {@code virStorageBackendCreateQemuImgCmdFromVol} builds them, LUKS encryption included: the
 * secret reaches qemu-img as {@code --object secret,id=<vol>_encrypt0,file=<path>}, and a conversion
 * from or to an encrypted volume is libvirt's two steps (create the image, then
 * {@code convert --image-opts -n --target-image-opts}).
 */
public final class QemuImgCommand {

    /** libvirt's {@code virStorageVolEncryptConvertStep} (without DONE). */
    public enum Step {
        /** one command: create, or convert without encryption */
        NONE,
        /** first of two: create the encrypted (or plain) target image of the right size */
        CREATE,
        /** second of two: convert into the image the first step created */
        CONVERT
    }

    private QemuImgCommand() {
    }

    /**
     * The steps that create {@code vol}, as {@code storageBackendCreateQemuImg} chooses them: two when
     * an input volume and encryption meet, else one.
     */
    public static List<Step> steps(VolDef vol, VolDef input) {
        return input != null && (vol.encryption() != null || input.encryption() != null)
                ? List.of(Step.CREATE, Step.CONVERT) : List.of(Step.NONE);
    }

    /** One command without encryption ({@link Step#NONE}, no secret files). */
    public static List<String> build(String tool, String poolTarget, VolDef vol, VolDef input, boolean preallocate)
            throws VirtException {
        return build(tool, poolTarget, vol, input, preallocate, null, null, Step.NONE);
    }

    /**
     * @param tool            the qemu-img to run
     * @param poolTarget      the pool's target path (relative backing paths are checked against it)
     * @param vol             the new volume, with its path
     * @param input           the volume to convert from, null to create
     * @param preallocate     {@code VIR_STORAGE_VOL_CREATE_PREALLOC_METADATA}
     * @param secretPath      the file holding {@code vol}'s passphrase, null when it is not encrypted
     * @param inputSecretPath the file holding {@code input}'s passphrase, null when it is not encrypted
     * @param step            which command of {@link #steps}
     */
    public static List<String> build(String tool, String poolTarget, VolDef vol, VolDef input, boolean preallocate,
                                     String secretPath, String inputSecretPath, Step step) throws VirtException {
        VolEncryption enc = vol.encryption();
        VolEncryption inputEnc = input == null ? null : input.encryption();
        if (enc != null && !enc.format().equals("luks") && ("qcow".equals(vol.format()) || "qcow2".equals(vol.format()))) {
            throw unsupported("creation of qcow2 encrypted image is not supported");
        }
        if (inputEnc != null && !inputEnc.format().equals("luks")) {
            throw unsupported("encryption format of inputvol must be LUKS");
        }
        String format = vol.type() == StorageVolType.BLOCK || "iso".equals(vol.format()) ? "raw" : vol.format();
        String type = format;
        String inputType = input == null ? null : input.format();
        if (preallocate && !"qcow2".equals(format)) {
            throw unsupported("metadata preallocation only available with qcow2");
        }
        if (vol.compat() != null && !"qcow2".equals(format)) {
            throw unsupported("compatibility option only available with qcow2");
        }
        if (vol.features() != null && !"qcow2".equals(format)) {
            throw unsupported("format features only available with qcow2");
        }
        if ("raw".equals(format) && enc != null) {
            type = luksOnly(enc);
        }
        if (input != null && "raw".equals(input.format()) && inputEnc != null) {
            inputType = luksOnly(inputEnc);
        }
        String inputPath = null;
        String inputFormat = null;
        if (input != null) {
            if (step != Step.CREATE) {
                inputPath = input.path();
                if (inputPath == null) {
                    throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.STORAGE, "missing input volume target path");
                }
            }
            inputFormat = input.type() == StorageVolType.BLOCK || "iso".equals(input.format()) ? "raw" : input.format();
        }
        String backingPath = null;
        String backingFormat = null;
        if (vol.backing() != null) {
            backingFormat = vol.backing().format();
            backingPath = vol.backing().path();
            checkBacking(format, backingPath, preallocate, input, poolTarget);
        }
        if (enc != null) {
            checkEncryption(format, type, enc);
        }
        long sizeKiB = kib(vol.capacity());
        long allocKiB = kib(vol.allocation());

        List<String> argv = new ArrayList<>();
        argv.add(tool);
        if (inputPath != null || step == Step.CREATE) {
            backingPath = null; // converting ignores the backing volume
        }
        if (inputPath != null && step == Step.NONE) {
            argv.addAll(List.of("convert", "-f", inputFormat, "-O", type));
        } else if (inputPath != null && step == Step.CONVERT) {
            argv.addAll(List.of("convert", "--image-opts", "-n", "--target-image-opts"));
        } else {
            argv.addAll(List.of("create", "-f", type));
        }
        if (backingPath != null) {
            argv.addAll(List.of("-b", backingPath));
        }
        String alias = null;
        if (enc != null) {
            if (secretPath == null) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.STORAGE, "path to secret data file is required");
            }
            alias = vol.name() + "_encrypt0";
            argv.addAll(secretObject(alias, secretPath));
        }
        String inputAlias = null;
        if (inputEnc != null && step == Step.CONVERT) {
            if (inputSecretPath == null) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.STORAGE,
                        "path to inputvol secret data file is required");
            }
            inputAlias = input.name() + "_encrypt0";
            argv.addAll(secretObject(inputAlias, inputSecretPath));
        }
        if (step != Step.CONVERT) {
            String opts = options(format, backingPath, backingFormat, preallocate, sizeKiB, allocKiB, vol, alias);
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
        } else {
            argv.add(imageOpts(inputType == null ? "raw" : inputType, inputPath, input.format(), inputAlias));
            argv.add(imageOpts(type, vol.path(), vol.format(), alias));
        }
        return argv;
    }

    /** {@code storageBackendCreateQemuImgSetBacking}. */
    private static void checkBacking(String format, String backingPath, boolean preallocate, VolDef input,
                                     String poolTarget) throws VirtException {
        if ("raw".equals(format)) {
            throw unsupported("cannot set backing store for raw volume");
        }
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

    /** {@code storageBackendCreateQemuImgCheckEncryption}. */
    private static void checkEncryption(String format, String type, VolEncryption enc) throws VirtException {
        if (!"raw".equals(format) && !"qcow2".equals(format)) {
            throw unsupported("volume encryption unsupported with format " + type);
        }
        if (!enc.format().equals("luks")) {
            throw unsupported("unsupported volume encryption format " + encryptionNumber(enc.format()));
        }
        if (enc.secrets().size() > 1) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.STORAGE, "too many secrets for luks encryption");
        }
        if (enc.secrets().isEmpty()) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.STORAGE, "no secret provided for luks encryption");
        }
    }

    private static String luksOnly(VolEncryption enc) throws VirtException {
        if (!enc.format().equals("luks")) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.STORAGE,
                    "Only luks encryption is supported for raw files");
        }
        return "luks";
    }

    /** {@code storageBackendCreateQemuImgSecretObject}: the passphrase file as a secret object. */
    private static List<String> secretObject(String alias, String path) {
        return List.of("--object", "secret,id=" + alias + ",file=" + escapeComma(path));
    }

    /** A source or target of the conversion step: its driver, file and (when encrypted) key secret. */
    private static String imageOpts(String driver, String path, String format, String alias) {
        String opts = "driver=" + driver + ",file.filename=" + path;
        return alias == null ? opts : opts + "," + ("qcow2".equals(format) ? "encrypt." : "") + "key-secret=" + alias;
    }

    private static long kib(long bytes) {
        return Long.divideUnsigned(bytes, 1024) + (Long.remainderUnsigned(bytes, 1024) == 0 ? 0 : 1);
    }

    /** {@code storageBackendCreateQemuImgOpts}. */
    private static String options(String format, String backingPath, String backingFormat, boolean preallocate,
                                  long sizeKiB, long allocKiB, VolDef vol, String alias) throws VirtException {
        StringBuilder b = new StringBuilder();
        if (backingPath != null) {
            b.append("backing_fmt=").append(backingFormat).append(',');
        }
        if (alias != null) {
            encryptionOptions(b, format, vol.encryption(), alias);
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

    /** {@code storageBackendBuildQemuImgEncriptionOpts}: the key secret and the cipher of a LUKS volume. */
    private static void encryptionOptions(StringBuilder b, String format, VolEncryption enc, String alias) {
        String prefix = "";
        if ("qcow2".equals(format)) {
            b.append("encrypt.format=luks,");
            prefix = "encrypt.";
        }
        b.append(prefix).append("key-secret=").append(alias).append(',');
        String[] cipher = enc.cipher();
        if (cipher == null) {
            return;
        }
        b.append(prefix).append("cipher-alg=").append(escapeComma(cipher[0])).append('-').append(cipher[1]).append(',');
        if (cipher[2] != null) {
            b.append(prefix).append("cipher-mode=").append(escapeComma(cipher[2])).append(',');
        }
        if (cipher[3] != null) {
            b.append(prefix).append("hash-alg=").append(escapeComma(cipher[3])).append(',');
        }
        String[] ivgen = enc.ivgen();
        if (ivgen == null) {
            return;
        }
        b.append(prefix).append("ivgen-alg=").append(escapeComma(ivgen[0])).append(',');
        if (ivgen[1] != null) {
            b.append(prefix).append("ivgen-hash-alg=").append(escapeComma(ivgen[1])).append(',');
        }
    }

    /** {@code virQEMUBuildBufferEscapeComma}: a comma inside a value is doubled. */
    private static String escapeComma(String value) {
        return value.replace(",", ",,");
    }

    /** libvirt names the format by its {@code virStorageEncryptionFormatType} number in this message. */
    private static int encryptionNumber(String format) {
        return List.of("default", "qcow", "luks").indexOf(format);
    }

    private static VirtException unsupported(String message) {
        return new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.STORAGE, message);
    }
}

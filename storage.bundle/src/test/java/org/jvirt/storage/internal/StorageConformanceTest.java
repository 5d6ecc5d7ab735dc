package org.jvirt.storage.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.StorageVolType;
import org.jvirt.api.VirtException;
import org.jvirt.storage.internal.backend.LvmCommands;
import org.jvirt.storage.internal.backend.MountCommand;
import org.jvirt.storage.internal.backend.QemuImgCommand;
import org.jvirt.storage.internal.conf.PoolDef;
import org.jvirt.storage.internal.conf.PoolType;
import org.jvirt.storage.internal.conf.PoolXml;
import org.jvirt.storage.internal.conf.VolDef;
import org.jvirt.storage.internal.conf.VolXml;
import org.jvirt.testing.ConformanceResults;
import org.jvirt.testing.DomainSchemaValidator;
import org.jvirt.testing.LibvirtTestData;
import org.jvirt.xml.internal.DomainXmlCodecImpl;
import org.junit.jupiter.api.Test;

/**
 * libvirt 9.0's storage conformance suites over {@code libvirt-9.0/} (see its README): the cases
 * and their inputs as the harness programs list them ({@code storagepoolxml2xmltest.c},
 * {@code storagevolxml2xmltest.c}, {@code storagevolxml2argvtest.c}), each printing
 * {@code SUITE: N passed, M failed, K not run} against its pinned list. What jvirt formats is
 * validated against {@code storagepool.rng} / {@code storagevol.rng}.
 */
class StorageConformanceTest {
    private static final List<String> POOLS = List.of("pool-dir", "pool-dir-naming", "pool-dir-cow", "pool-fs",
            "pool-logical", "pool-logical-nopath", "pool-logical-create", "pool-logical-noname", "pool-disk",
            "pool-disk-device-nopartsep", "pool-iscsi", "pool-iscsi-auth", "pool-netfs", "pool-netfs-slash",
            "pool-netfs-auto", "pool-netfs-protocol-ver", "pool-netfs-gluster", "pool-netfs-cifs",
            "pool-netfs-ns-mountopts", "pool-scsi", "pool-scsi-type-scsi-host", "pool-scsi-type-fc-host",
            "pool-scsi-type-fc-host-managed", "pool-mpath", "pool-iscsi-multiiqn", "pool-iscsi-vendor-product",
            "pool-gluster", "pool-gluster-sub", "pool-scsi-type-scsi-host-stable", "pool-zfs", "pool-zfs-sourcedev",
            "pool-rbd", "pool-rbd-ipv6", "pool-rbd-refresh-volume-allocation", "pool-rbd-ns-configopts",
            "pool-vstorage", "pool-iscsi-direct-auth", "pool-iscsi-direct");
    /** storagevolxml2xmltest.c: pool, volume, and whether the volume is parsed with NO_CAPACITY. */
    private static final String[][] VOLS = {
        {"pool-dir", "vol-file"}, {"pool-dir", "vol-file-naming"}, {"pool-dir", "vol-file-backing"},
        {"pool-dir", "vol-file-iso"}, {"pool-dir", "vol-qcow2"}, {"pool-dir", "vol-qcow2-1.1"},
        {"pool-dir", "vol-qcow2-lazy"}, {"pool-dir", "vol-qcow2-0.10-lazy"}, {"pool-dir", "vol-qcow2-nobacking"},
        {"pool-dir", "vol-qcow2-encryption"}, {"pool-dir", "vol-qcow2-luks"}, {"pool-dir", "vol-qcow2-clusterSize"},
        {"pool-dir", "vol-luks"}, {"pool-dir", "vol-luks-cipher"}, {"pool-disk", "vol-partition"},
        {"pool-logical", "vol-logical"}, {"pool-logical", "vol-logical-backing"}, {"pool-gluster", "vol-gluster-dir"},
        {"pool-gluster", "vol-gluster-dir-neg-uid"}, {"pool-dir", "vol-qcow2-nocapacity", "nocapacity"},
    };
    /**
     * storagevolxml2argvtest.c: should fail, pool, volume, input pool, input volume, command line,
     * PREALLOC_METADATA, OPT_CAPACITY.
     */
    private static final Object[][] ARGV = {
        {false, "pool-dir", "vol-qcow2", null, null, "qcow2-compat", false, false},
        {false, "pool-dir", "vol-qcow2-nobacking", null, null, "qcow2-nobacking-prealloc-compat", true, false},
        {false, "pool-dir", "vol-qcow2-nobacking", "pool-dir", "vol-file", "qcow2-nobacking-convert-prealloc-compat", true, false},
        {false, "pool-dir", "vol-qcow2-lazy", null, null, "qcow2-lazy", false, false},
        {false, "pool-dir", "vol-qcow2-1.1", null, null, "qcow2-1.1", false, false},
        {true, "pool-dir", "vol-qcow2-0.10-lazy", null, null, "qcow2-0.10-lazy", false, false},
        {false, "pool-dir", "vol-qcow2-nobacking", "pool-logical", "vol-logical", "qcow2-from-logical-compat", false, false},
        {false, "pool-logical", "vol-logical", "pool-dir", "vol-qcow2-nobacking", "logical-from-qcow2", false, false},
        {false, "pool-dir", "vol-qcow2-nocow", null, null, "qcow2-nocow-compat", false, false},
        {false, "pool-dir", "vol-qcow2-nocapacity", "pool-dir", "vol-file", "qcow2-nocapacity-convert-prealloc", true, false},
        {false, "pool-dir", "vol-qcow2-zerocapacity", null, null, "qcow2-zerocapacity", false, false},
        {false, "pool-dir", "vol-qcow2-nocapacity-backing", null, null, "qcow2-nocapacity", false, true},
        {false, "pool-dir", "vol-qcow2-clusterSize", null, null, "qcow2-clusterSize", false, false},
        {false, "pool-dir", "vol-file-iso", null, null, "iso", false, false},
        {false, "pool-dir", "vol-file", "pool-dir", "vol-file-iso", "iso-input", false, false},
        {true, "pool-dir", "vol-qcow2-encryption", null, null, "qcow2-encryption", false, false},
        {false, "pool-dir", "vol-luks", null, null, "luks", false, false},
        {false, "pool-dir", "vol-luks-cipher", null, null, "luks-cipher", false, false},
        {false, "pool-dir", "vol-qcow2-luks", null, null, "qcow2-luks", false, false},
        {false, "pool-dir", "vol-luks-convert", "pool-dir", "vol-file", "luks-convert", false, false},
        {false, "pool-dir", "vol-luks-convert", "pool-dir", "vol-file-qcow2", "luks-convert-qcow2", false, false},
        {false, "pool-dir", "vol-luks", "pool-dir", "vol-luks-convert", "luks-convert-encrypt", false, false},
        {false, "pool-dir", "vol-file", "pool-dir", "vol-luks-convert", "luks-convert-encrypt2fileraw", false, false},
        {false, "pool-dir", "vol-file-qcow2", "pool-dir", "vol-luks-convert", "luks-convert-encrypt2fileqcow2", false, false},
        {false, "pool-dir", "vol-qcow2-luks", "pool-dir", "vol-qcow2-luks-convert", "qcow2-luks-convert-encrypt", false, false},
        {false, "pool-dir", "vol-file", "pool-dir", "vol-qcow2-luks-convert", "qcow2-luks-convert-encrypt2fileraw", false, false},
        {false, "pool-dir", "vol-file-qcow2", "pool-dir", "vol-qcow2-luks-convert", "qcow2-luks-convert-encrypt2fileqcow2", false, false},
    };

    /** storagepoolxml2argvtest.c on Linux: the pool and whether libvirt refuses it (no command for its type). */
    private static final Object[][] POOL_ARGV = {
        {"pool-dir", true}, {"pool-dir-naming", true}, {"pool-logical", false}, {"pool-logical-nopath", false},
        {"pool-logical-create", false}, {"pool-logical-noname", false}, {"pool-disk", true},
        {"pool-disk-device-nopartsep", true}, {"pool-iscsi", true}, {"pool-iscsi-auth", true},
        {"pool-fs", false}, {"pool-netfs", false}, {"pool-netfs-auto", false}, {"pool-netfs-protocol-ver", false},
        {"pool-netfs-ns-mountopts", false}, {"pool-netfs-gluster", false}, {"pool-netfs-cifs", false},
        {"pool-scsi", true}, {"pool-scsi-type-scsi-host", true}, {"pool-scsi-type-fc-host", true},
        {"pool-scsi-type-fc-host-managed", true}, {"pool-mpath", true}, {"pool-iscsi-multiiqn", true},
        {"pool-iscsi-vendor-product", true}, {"pool-gluster", true}, {"pool-gluster-sub", true},
        {"pool-scsi-type-scsi-host-stable", true},
    };

    private final DomainXmlCodecImpl codec = new DomainXmlCodecImpl();
    private final PoolXml poolXml = new PoolXml(codec);
    private final VolXml volXml = new VolXml(codec);

    @Test
    void storagepoolxml2xml() throws IOException {
        Path data = LibvirtTestData.require("libvirt-9.0").resolve("libvirt-9.0");
        DomainSchemaValidator schema = DomainSchemaValidator.forSchema("storagepool.rng");
        ConformanceResults results = new ConformanceResults("storagepoolxml2xml");
        for (String name : POOLS) {
            try {
                PoolDef def = poolXml.parse(Files.readString(data.resolve("storagepoolxml2xmlin/" + name + ".xml")));
                String actual = PoolXml.format(def, 0, 0, 0);
                String expected = Files.readString(data.resolve("storagepoolxml2xmlout/" + name + ".xml"));
                List<String> invalid = schema == null ? List.of() : schema.validate(actual);
                if (!expected.equals(actual)) {
                    results.failed(name, "output differs:\n" + actual);
                } else if (!invalid.isEmpty()) {
                    results.failed(name, "not valid against storagepool.rng: " + invalid);
                } else {
                    results.passed(name);
                }
            } catch (VirtException e) {
                results.failed(name, e.getMessage());
            }
        }
        results.assertNoRegression();
    }

    @Test
    void storagevolxml2xml() throws IOException {
        Path data = LibvirtTestData.require("libvirt-9.0").resolve("libvirt-9.0");
        DomainSchemaValidator schema = DomainSchemaValidator.forSchema("storagevol.rng");
        ConformanceResults results = new ConformanceResults("storagevolxml2xml");
        for (String[] c : VOLS) {
            String name = c[0] + "/" + c[1];
            try {
                PoolDef pool = poolXml.parse(Files.readString(data.resolve("storagepoolxml2xmlin/" + c[0] + ".xml")));
                VolDef vol = volXml.parse(Files.readString(data.resolve("storagevolxml2xmlin/" + c[1] + ".xml")),
                        pool.type(), false, c.length > 2);
                String actual = VolXml.format(vol, pool.type());
                String expected = Files.readString(data.resolve("storagevolxml2xmlout/" + c[1] + ".xml"));
                List<String> invalid = schema == null ? List.of() : schema.validate(actual);
                if (!expected.equals(actual)) {
                    results.failed(name, "output differs:\n" + actual);
                } else if (!invalid.isEmpty()) {
                    results.failed(name, "not valid against storagevol.rng: " + invalid);
                } else {
                    results.passed(name);
                }
            } catch (VirtException e) {
                results.failed(name, e.getMessage());
            }
        }
        results.assertNoRegression();
    }

    @Test
    void storagevolxml2argv() throws IOException {
        Path data = LibvirtTestData.require("libvirt-9.0").resolve("libvirt-9.0");
        ConformanceResults results = new ConformanceResults("storagevolxml2argv");
        for (Object[] c : ARGV) {
            boolean shouldFail = (Boolean) c[0];
            String name = (String) c[5];
            try {
                PoolDef pool = poolXml.parse(Files.readString(data.resolve("storagepoolxml2xmlin/" + c[1] + ".xml")));
                VolDef input = null;
                if (c[3] != null) {
                    PoolDef inputPool = poolXml.parse(Files.readString(data.resolve("storagepoolxml2xmlin/" + c[3] + ".xml")));
                    input = typed(volXml.parse(Files.readString(data.resolve("storagevolxml2xmlin/" + c[4] + ".xml")),
                            inputPool.type(), false, false), inputPool);
                }
                VolDef vol = typed(volXml.parse(Files.readString(data.resolve("storagevolxml2xmlin/" + c[2] + ".xml")),
                        pool.type(), (Boolean) c[7], input != null), pool);
                // the harness's fixed secret file names, one command a line as virCommandToString
                List<String> lines = new ArrayList<>();
                for (QemuImgCommand.Step step : QemuImgCommand.steps(vol, input)) {
                    lines.add(String.join(" ", QemuImgCommand.build("qemu-img", pool.targetPath(), vol, input,
                            (Boolean) c[6], "/path/to/secretFile", "/path/to/inputSecretFile", step)));
                }
                String actual = String.join("\n", lines);
                if (shouldFail) {
                    results.failed(name, "accepted, libvirt refuses it: " + actual);
                    continue;
                }
                String expected = Files.readString(data.resolve("storagevolxml2argvdata/" + name + ".argv"))
                        .replace(" \\\n", " ").strip();
                if (expected.equals(actual)) {
                    results.passed(name);
                } else {
                    results.failed(name, "command line differs: " + actual);
                }
            } catch (VirtException e) {
                if (shouldFail) {
                    results.passed(name);
                } else {
                    results.failed(name, e.getMessage());
                }
            }
        }
        results.assertNoRegression();
    }

    @Test
    void storagepoolxml2argv() throws IOException {
        Path data = LibvirtTestData.require("libvirt-9.0").resolve("libvirt-9.0");
        ConformanceResults results = new ConformanceResults("storagepoolxml2argv");
        for (Object[] c : POOL_ARGV) {
            String name = (String) c[0];
            boolean shouldFail = (Boolean) c[1];
            try {
                PoolDef pool = poolXml.parse(Files.readString(data.resolve("storagepoolxml2xmlin/" + name + ".xml")));
                if (pool.type() == PoolType.LOGICAL) {
                    // the harness's virStorageBackendLogicalChangeCmd(VGCHANGE, def, true)
                    String actual = String.join(" ", new LvmCommands("").change(pool, true));
                    String expected = Files.readString(data.resolve("storagepoolxml2argvdata/" + name + ".argv"))
                            .replace(" \\\n", " ").strip();
                    if (expected.equals(actual)) {
                        results.passed(name);
                    } else {
                        results.failed(name, "command line differs: " + actual);
                    }
                    continue;
                }
                if (pool.type() != PoolType.FS && pool.type() != PoolType.NETFS) {
                    // the harness has no command for these types, which is what it expects of them
                    if (shouldFail) {
                        results.passed(name);
                    } else {
                        results.failed(name, "no command for pool type " + pool.type().xmlName());
                    }
                    continue;
                }
                String actual = String.join(" ", MountCommand.build("mount", pool));
                String expected = Files.readString(data.resolve("storagepoolxml2argvdata/" + name + "-linux.argv"))
                        .replace(" \\\n", " ").strip();
                if (expected.equals(actual)) {
                    results.passed(name);
                } else {
                    results.failed(name, "command line differs: " + actual);
                }
            } catch (VirtException e) {
                results.failed(name, e.getMessage());
            }
        }
        results.assertNoRegression();
    }

    /** The harness's testSetVolumeType: file volumes in dir and fs pools (jvirt's pool types). */
    private static VolDef typed(VolDef vol, PoolDef pool) {
        return pool.type() == PoolType.DIR || pool.type() == PoolType.FS
                ? vol.withTarget(vol.path(), vol.key(), StorageVolType.FILE) : vol;
    }
}

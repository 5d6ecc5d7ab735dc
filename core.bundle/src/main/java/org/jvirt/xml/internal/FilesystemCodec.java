package org.jvirt.xml.internal;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Filesystem;
import org.jvirt.api.xml.FilesystemBuilder;
import org.jvirt.api.xml.FsBinary;
import org.jvirt.api.xml.FsBinaryBuilder;
import org.jvirt.api.xml.FsDriver;
import org.jvirt.api.xml.FsSource;
import org.jvirt.api.xml.FsSourceBuilder;
import org.jvirt.api.xml.XmlElement;

/** {@code <filesystem>} (virDomainFSDefParseXML / virDomainFSDefFormat). */
final class FilesystemCodec {
    private static final String[] FS_ATTRS = {"type", "accessmode", "model", "multidevs", "fmode", "dmode"};
    private static final String[] DRIVER_ATTRS = {"type", "format", "queue", "wrpolicy", "iommu", "ats", "packed",
        "page_per_vq"};
    private static final String[] SOURCE_ATTRS = {"dir", "socket", "dev", "file", "name", "pool", "volume", "usage",
        "units"};

    private FilesystemCodec() {
    }

    static Filesystem parse(Node n) throws VirtException {
        FilesystemBuilder b = Filesystem.builder().type(n.attr("type")).accessMode(n.attr("accessmode"))
                .model(n.attr("model")).multidevs(n.attr("multidevs")).fmode(mode(n, "fmode"))
                .dmode(mode(n, "dmode"));
        Node driver = n.child("driver");
        if (driver != null) {
            b.driver(FsDriver.builder().type(driver.attr("type")).format(driver.attr("format"))
                    .wrpolicy(driver.attr("wrpolicy")).queue(Num.uint(driver, "queue")).iommu(driver.attr("iommu"))
                    .ats(driver.attr("ats")).packed(driver.attr("packed")).pagePerVq(driver.attr("page_per_vq"))
                    .other(driver.rest()).build());
        }
        Node binary = n.child("binary");
        if (binary != null) {
            b.binary(binary(binary));
        }
        b.idmap(IdMapCodec.parse(n.child("idmap")));
        Node source = n.child("source");
        if (source != null) {
            b.source(source(source, n.element().attribute("type")));
        } else if ("ram".equals(n.element().attribute("type"))) {
            throw XmlErrors.xml("missing 'usage' attribute for RAM filesystem");
        }
        b.targetDir(Leaf.attr(n, "target", "dir"));
        b.readOnly(Leaf.known(n, "readonly") != null);
        b.spaceHardLimit(space(n, "space_hard_limit")).spaceSoftLimit(space(n, "space_soft_limit"));
        return b.info(DeviceInfoCodec.parse(n)).other(n.rest()).build();
    }

    private static Integer mode(Node n, String attr) throws VirtException {
        String v = n.attr(attr);
        if (v == null) {
            return null;
        }
        Long l = Num.parse(v, 8);
        if (l == null || l < 0 || l > 0777) {
            throw XmlErrors.xml("invalid " + attr + ": '" + v + "'");
        }
        return (int) (long) l;
    }

    private static FsBinary binary(Node bin) throws VirtException {
        FsBinaryBuilder b = FsBinary.builder().path(bin.attr("path")).xattr(bin.attr("xattr"));
        b.cacheMode(Leaf.attr(bin, "cache", "mode")).sandboxMode(Leaf.attr(bin, "sandbox", "mode"));
        Node lock = Leaf.known(bin, "lock", "posix", "flock");
        if (lock != null) {
            b.lockPosix(lock.attr("posix")).flock(lock.attr("flock"));
        }
        Node pool = Leaf.known(bin, "thread_pool", "size");
        if (pool != null) {
            b.threadPoolSize(Num.sint(pool, "size"));
        }
        return b.other(bin.rest()).build();
    }

    private static FsSource source(Node s, String type) throws VirtException {
        FsSourceBuilder b = FsSource.builder().dir(s.attr("dir")).socket(s.attr("socket")).dev(s.attr("dev"))
                .file(s.attr("file")).name(s.attr("name")).pool(s.attr("pool")).volume(s.attr("volume"));
        if ("ram".equals(type)) {
            // usage means something only to a RAM filesystem; elsewhere it stays as written
            String usage = s.attr("usage");
            String units = s.attr("units");
            if (usage == null) {
                throw XmlErrors.xml("missing 'usage' attribute for RAM filesystem");
            }
            if (Num.parse(usage.trim(), 10) == null) {
                throw XmlErrors.xml("cannot parse usage '" + usage + "' for RAM filesystem");
            }
            // libvirt keeps bytes and writes them back in KiB
            b.usageKib(Units.toBytes("usage", usage, units == null ? "KiB" : units) / 1024).units("KiB");
        }
        return b.other(s.rest()).build();
    }

    private static Long space(Node n, String name) throws VirtException {
        Node sp = n.child(name);
        if (sp == null) {
            return null;
        }
        String unit = sp.attr("unit");
        sp.requireFullyRead();
        return Units.toBytes(name, sp.text(), unit);
    }

    static XmlElement format(Filesystem f) {
        FsSource src = f.source();
        String accessMode = f.accessMode();
        if (accessMode == null && (src == null || src.socket() == null)) {
            accessMode = "passthrough";
        }
        Out o = new Out("filesystem").attrOrder(FS_ATTRS).attr("type", f.type() == null ? "mount" : f.type())
                .attr("accessmode", accessMode).attr("model", f.model()).attr("multidevs", f.multidevs())
                .attr("fmode", octal(f.fmode())).attr("dmode", octal(f.dmode()));
        FsDriver d = f.driver();
        if (d != null) {
            o.child(new Out("driver").attrOrder(DRIVER_ATTRS).attr("type", d.type()).attr("format", d.format())
                    .attr("queue", d.queue()).attr("wrpolicy", d.wrpolicy()).attr("iommu", d.iommu())
                    .attr("ats", d.ats()).attr("packed", d.packed()).attr("page_per_vq", d.pagePerVq())
                    .preserved(d.other()));
        }
        o.child(binary(f.binary()));
        o.child(IdMapCodec.format(f.idmap()));
        if (src != null) {
            o.child(new Out("source").attrOrder(SOURCE_ATTRS).attr("dir", src.dir()).attr("socket", src.socket())
                    .attr("dev", src.dev()).attr("file", src.file()).attr("name", src.name()).attr("pool", src.pool())
                    .attr("volume", src.volume()).attr("usage", src.usageKib()).attr("units", src.units())
                    .preserved(src.other()));
        }
        if (f.targetDir() != null) {
            o.child(new Out("target").attr("dir", f.targetDir()));
        }
        if (f.readOnly()) {
            o.child(XmlElement.of("readonly"));
        }
        if (f.spaceHardLimit() != null) {
            o.child(new Out("space_hard_limit").attr("unit", "bytes").text(f.spaceHardLimit().toString()));
        }
        if (f.spaceSoftLimit() != null) {
            o.child(new Out("space_soft_limit").attr("unit", "bytes").text(f.spaceSoftLimit().toString()));
        }
        return o.children(DeviceInfoCodec.format(f.info())).preserved(f.other()).build();
    }

    private static Out binary(FsBinary b) {
        if (b == null) {
            return null;
        }
        Out o = new Out("binary").attr("path", b.path()).attr("xattr", b.xattr());
        if (b.cacheMode() != null) {
            o.child(new Out("cache").attr("mode", b.cacheMode()));
        }
        if (b.sandboxMode() != null) {
            o.child(new Out("sandbox").attr("mode", b.sandboxMode()));
        }
        if (b.lockPosix() != null || b.flock() != null) {
            o.child(new Out("lock").attr("posix", b.lockPosix()).attr("flock", b.flock()));
        }
        if (b.threadPoolSize() != null) {
            o.child(new Out("thread_pool").attr("size", b.threadPoolSize()));
        }
        return o.preserved(b.other());
    }

    private static String octal(Integer mode) {
        return mode == null ? null : String.format("%04o", mode);
    }
}

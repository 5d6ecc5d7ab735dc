package org.jvirt.xml.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Clock;
import org.jvirt.api.xml.Cpu;
import org.jvirt.api.xml.CpuTune;
import org.jvirt.api.xml.Devices;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainDefBuilder;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.Features;
import org.jvirt.api.xml.GuestDefaults;
import org.jvirt.api.xml.IdMap;
import org.jvirt.api.xml.Memory;
import org.jvirt.api.xml.Os;
import org.jvirt.api.xml.Vcpu;
import org.jvirt.api.xml.VcpuEntry;
import org.jvirt.api.xml.XmlElement;

/** Turns a {@code <domain>} element into a {@link DomainDef} (libvirt's virDomainDefParseXML). */
final class DomainParser {

    static final Set<String> VIRT_TYPES = Set.of("none", "qemu", "kqemu", "kvm", "xen", "lxc", "uml", "openvz",
            "test", "vmware", "hyperv", "vbox", "phyp", "parallels", "bhyve", "vz", "ch", "hvf");
    private static final Set<String> LIFECYCLE = Set.of("destroy", "restart", "rename-restart", "preserve",
            "coredump-destroy", "coredump-restart");

    private final int flags;
    private final RandomGenerator random;
    private final GuestDefaults defaults;

    DomainParser(int flags, RandomGenerator random, GuestDefaults defaults) {
        this.flags = flags;
        this.random = random;
        this.defaults = defaults;
    }

    DomainDef parse(XmlElement root) throws VirtException {
        if (!root.name().equals("domain")) {
            throw XmlErrors.xml("expecting root element of 'domain', not '" + root.name() + "'");
        }
        Node d = new Node(root);
        String type = d.attr("type");
        if (type == null) {
            throw XmlErrors.xml("missing domain type attribute");
        }
        if (!VIRT_TYPES.contains(type)) {
            throw XmlErrors.xml("invalid domain type " + type);
        }
        int id = -1;
        Integer idAttr = d.intAttr("id");
        if (idAttr != null && (flags & DomainXmlCodec.PARSE_INACTIVE) == 0) {
            id = idAttr;
        }
        String name = d.childText("name");
        if (name == null || name.isEmpty()) {
            throw new VirtException(ErrorCode.NO_NAME, ErrorDomain.DOMAIN, null);
        }
        if (name.indexOf('/') >= 0) {
            // libvirt's generic post-parse check (virDomainDefPostParseCheckFeatures): drivers name files
            // after the domain; only VMware's (VIR_DOMAIN_DEF_FEATURE_NAME_SLASH) allow '/', none here do
            throw XmlErrors.xml("name " + name + " cannot contain '/'");
        }
        UUID uuid = parseUuid(d.childText("uuid"));
        String title = d.childText("title");
        if (title != null && title.contains("\n")) {
            throw XmlErrors.xml("Domain title can't contain newlines");
        }
        String description = d.childText("description");
        Node meta = d.child("metadata");
        XmlElement metadata = meta == null ? null : meta.element();

        Memory maxMemory = parseMaxMemory(d.child("maxMemory"));
        Memory memory = parseMemory(d.child("memory"), "memory");
        if (memory == null) {
            memory = numaMemory(root);
        }
        Memory currentMemory = parseMemory(d.child("currentMemory"), "currentMemory");
        if (currentMemory != null && (currentMemory.kib() > memory.kib() || currentMemory.kib() == 0)) {
            currentMemory = new Memory(memory.kib());
        }
        Vcpu vcpu = parseVcpu(d.child("vcpu"));
        List<VcpuEntry> vcpus = parseVcpus(d.child("vcpus"), vcpu);
        CpuTune cputune = new CpuTuneParser(vcpu.count()).parse(d.child("cputune"));
        Os os = new OsParser().parse(d.child("os"), d.child("devices"));
        if (os.arch() == null) {
            String arch = defaults.defaultArch(type, os.type());
            if (arch != null) {
                os = os.withArch(arch);
            }
        }
        IdMap idmap = IdMapCodec.parse(d.child("idmap"));
        Features features = CapabilitiesCodec.parseFeatures(d.child("features"));
        Cpu cpu = new CpuParser().parse(d.child("cpu"));
        Clock clock = new ClockParser().parse(d.child("clock"));
        String onPoweroff = lifecycle(d, "on_poweroff");
        String onReboot = lifecycle(d, "on_reboot");
        String onCrash = lifecycle(d, "on_crash");
        Devices devices = new DevicesParser(flags, random).parse(d.child("devices"));
        DomainDefBuilder tuning = DomainTuningCodec.parse(d, vcpu, cputune, random);
        vcpu = DomainTuningCodec.placement(vcpu, tuning.build().numatune(), cputune);
        tuning.sysinfo(SysinfoCodec.parse(d)).launchSecurity(LaunchSecurityCodec.parse(d.child("launchSecurity")));
        return tuning.type(type).id(id).name(name).uuid(uuid).title(title).description(description)
                .metadata(metadata).maxMemory(maxMemory).memory(memory).currentMemory(currentMemory).vcpu(vcpu)
                .vcpus(vcpus).cputune(cputune).os(os).idmap(idmap).features(features).cpu(cpu).clock(clock).onPoweroff(onPoweroff)
                .onReboot(onReboot).onCrash(onCrash).devices(devices).other(d.rest()).build();
    }

    static UUID parseUuid(String s) throws VirtException {
        if (s == null) {
            return null;
        }
        // virUUIDParse: 32 hex digits, '-' allowed between byte pairs, surrounding blanks ignored
        String hex = s.trim().replace("-", "");
        if (hex.length() != 32 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw XmlErrors.xml("malformed uuid element");
        }
        long hi = Long.parseUnsignedLong(hex.substring(0, 16), 16);
        long lo = Long.parseUnsignedLong(hex.substring(16), 16);
        return new UUID(hi, lo);
    }

    private static Memory parseMemory(Node n, String what) throws VirtException {
        if (n == null) {
            return null;
        }
        long kib = Units.toKib(what, n.text(), n.attr("unit"));
        Memory m = new Memory(kib, 0, n.attr("dumpCore"));
        n.requireFullyRead();
        return m;
    }

    /** Without {@code <memory>}, libvirt takes the sum of the guest NUMA cells' memory. */
    private static Memory numaMemory(XmlElement root) throws VirtException {
        XmlElement cpu = root.child("cpu");
        XmlElement numa = cpu == null ? null : cpu.child("numa");
        if (numa == null || numa.children("cell").isEmpty()) {
            throw XmlErrors.xml("missing element memory");
        }
        long kib = 0;
        for (XmlElement cell : numa.children("cell")) {
            if (cell.attribute("memory") == null) {
                throw XmlErrors.xml("Missing 'memory' attribute in NUMA cell");
            }
            kib += Units.toKib("memory", cell.attribute("memory"), cell.attribute("unit"));
        }
        return new Memory(kib);
    }

    private static Memory parseMaxMemory(Node n) throws VirtException {
        if (n == null) {
            return null;
        }
        long kib = Units.toKib("maxMemory", n.text(), n.attr("unit"));
        Integer slots = n.intAttr("slots");
        n.requireFullyRead();
        return new Memory(kib, slots == null ? 0 : slots, null);
    }

    private static Vcpu parseVcpu(Node n) throws VirtException {
        if (n == null) {
            return new Vcpu(1);
        }
        int count;
        try {
            count = Integer.parseInt(n.text() == null ? "" : n.text().trim());
        } catch (NumberFormatException e) {
            throw XmlErrors.xml("maximum vcpus count must be an integer");
        }
        if (count <= 0) {
            throw XmlErrors.xml("Invalid value '" + n.text() + "' for element vcpu: must be greater than 0");
        }
        Integer current = n.intAttr("current");
        if (current == null) {
            current = count;
        } else if (current <= 0 || current > count) {
            throw XmlErrors.xml("Invalid number of current vcpus '" + current + "'");
        }
        String placement = n.attr("placement");
        if (placement == null) {
            placement = "static";
        } else if (!placement.equals("static") && !placement.equals("auto")) {
            throw XmlErrors.xml("Unsupported CPU placement mode '" + placement + "'");
        }
        String cpuset = n.attr("cpuset");
        if (cpuset != null) {
            cpuset = CpuSet.normalize("vcpu cpuset", cpuset);
        }
        n.requireFullyRead();
        return new Vcpu(count, current, placement, cpuset);
    }

    private static List<VcpuEntry> parseVcpus(Node n, Vcpu vcpu) throws VirtException {
        List<VcpuEntry> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        for (Node v : n.children("vcpu")) {
            Integer vid = v.intAttr("id");
            if (vid == null || vid < 0 || vid >= vcpu.count()) {
                throw XmlErrors.xml("vcpu id must be an unsigned integer between 0 and " + (vcpu.count() - 1));
            }
            String enabled = v.requiredAttr("enabled");
            Integer order = v.intAttr("order");
            out.add(new VcpuEntry(vid, "yes".equals(enabled), v.attr("hotpluggable"), order == null ? 0 : order));
            v.requireFullyRead();
        }
        n.requireFullyRead();
        return out;
    }

    private static String lifecycle(Node d, String element) throws VirtException {
        String v = d.childText(element);
        if (v != null && !LIFECYCLE.contains(v)) {
            throw XmlErrors.xml("invalid " + element + " value: '" + v + "'");
        }
        return v;
    }
}

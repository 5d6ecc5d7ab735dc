package org.jvirt.driver.qemu.internal.caps;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Loads libvirt's capabilities cache format ({@code <qemuCaps>}, as in
 * {@code tests/qemucapabilitiesdata/caps_*.xml}) into {@link QemuCaps}: the capabilities libvirt's
 * harness builds command lines with, where the driver probes its emulators instead.
 */
public final class QemuCapsDumpLoader {

    public QemuCaps load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in);
        }
    }

    public QemuCaps load(InputStream in) throws IOException {
        Element root = parse(in).getDocumentElement();
        if (!"qemuCaps".equals(root.getTagName())) {
            throw new IOException("not a QEMU capabilities dump: root element is <" + root.getTagName() + ">");
        }
        String emulator = text(root, "emulator");
        QemuCapsBuilder b = new QemuCapsBuilder(new CapsKey(emulator == null ? "" : emulator,
                Long.parseLong(orDefault(text(root, "qemuctime"), "0"))));
        b.version(Integer.parseInt(orDefault(text(root, "version"), "0")), text(root, "package"));
        String arch = text(root, "arch");
        if (arch != null) {
            b.arch(arch);
        }
        for (Element e : children(root)) {
            switch (e.getTagName()) {
                case "flag" -> b.flag(e.getAttribute("name"));
                case "machine" -> b.machine(Accel.fromXml(e.getAttribute("type")), machine(e));
                case "cpu" -> b.cpuModel(Accel.fromXml(e.getAttribute("type")), cpuModel(e));
                case "hypervCapabilities" -> {
                    for (Element cap : children(e)) {
                        b.hypervCap(cap.getAttribute("name"));
                    }
                }
                case "hostCPU" -> b.hostCpu(Accel.fromXml(e.getAttribute("type")), hostCpu(e));
                default -> {
                    // microcode, gic, sev: not used by jvirt
                }
            }
        }
        return b.build();
    }

    private static MachineType machine(Element e) {
        return new MachineType(e.getAttribute("name"), attr(e, "alias"),
                Integer.parseInt(orDefault(attr(e, "maxCpus"), "0")), yes(e, "hotplugCpus"), yes(e, "default"),
                attr(e, "defaultCPU"), attr(e, "defaultRAMid"), yes(e, "deprecated"), yes(e, "acpi"),
                yes(e, "numaMemSupported"));
    }

    private static HostCpuExpansion hostCpu(Element e) {
        List<HostCpuExpansion.Prop> props = new ArrayList<>();
        for (Element p : children(e)) {
            if (p.getTagName().equals("property")) {
                props.add(new HostCpuExpansion.Prop(p.getAttribute("name"), p.getAttribute("type"),
                        p.getAttribute("value"), attr(p, "migratable")));
            }
        }
        return new HostCpuExpansion(e.getAttribute("model"), yes(e, "migratability"), props);
    }

    private static CpuModel cpuModel(Element e) {
        List<String> blockers = new ArrayList<>();
        for (Element b : children(e)) {
            if (b.getTagName().equals("blocker")) {
                blockers.add(b.getAttribute("name"));
            }
        }
        return new CpuModel(e.getAttribute("name"), attr(e, "typename"), attr(e, "usable"), blockers,
                yes(e, "deprecated"));
    }

    private static Document parse(InputStream in) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            f.setXIncludeAware(false);
            DocumentBuilder db = f.newDocumentBuilder();
            db.setErrorHandler(null);
            return db.parse(in);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("malformed QEMU capabilities dump: " + e.getMessage(), e);
        }
    }

    private static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        NodeList nl = e.getChildNodes();
        for (int i = 0; i < nl.getLength(); i++) {
            if (nl.item(i).getNodeType() == Node.ELEMENT_NODE) {
                out.add((Element) nl.item(i));
            }
        }
        return out;
    }

    private static String text(Element parent, String name) {
        for (Element c : children(parent)) {
            if (c.getTagName().equals(name)) {
                return c.getTextContent().trim();
            }
        }
        return null;
    }

    private static String attr(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }

    private static boolean yes(Element e, String name) {
        return "yes".equals(e.getAttribute(name));
    }

    private static String orDefault(String s, String d) {
        return s == null || s.isEmpty() ? d : s;
    }
}

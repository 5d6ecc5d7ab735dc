package org.jvirt.driver.qemu.internal.domcaps;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * libvirt's x86 CPU map ({@code cpu_map/index.xml} and the files it includes, installed by
 * Debian's {@code libvirt0}): the vendors, the features with their CPUID/MSR bits and the named
 * models with their vendor, signatures and features, in the map's order. Immutable once loaded.
 */
final class X86CpuMap {

    record Vendor(String name, CpuData data) {
    }

    record Feature(String name, CpuData data, boolean migratable) {
    }

    /** A model's signature: family and model, and the steppings it covers (null: any). */
    record Signature(int family, int model, boolean[] steppings) {
        boolean matches(int fam, int mod, int stepping) {
            return family == fam && model == mod
                    && (steppings == null || (stepping < steppings.length && steppings[stepping]));
        }
    }

    /**
     * A named model. Features the map marks {@code removed='yes'} (dropped from the model in a later
     * QEMU) are not part of its data; they are listed to be disabled explicitly.
     */
    record Model(String name, Vendor vendor, boolean decodeGuest, List<Signature> signatures, CpuData data,
                 List<String> removed) {
    }

    private final List<Vendor> vendors = new ArrayList<>();
    private final List<Feature> features = new ArrayList<>();
    private final Map<String, Feature> byName = new HashMap<>();
    private final Map<String, Model> models = new LinkedHashMap<>();

    private X86CpuMap() {
    }

    /** Reads the x86 part of the map in {@code dir}. */
    static X86CpuMap load(Path dir) throws IOException {
        X86CpuMap map = new X86CpuMap();
        Element index = parse(dir.resolve("index.xml"));
        for (Element arch : children(index, "arch")) {
            if (!arch.getAttribute("name").equals("x86")) {
                continue;
            }
            for (Element inc : children(arch, "include")) {
                Element cpus = parse(dir.resolve(inc.getAttribute("filename")));
                for (Element e : children(cpus, null)) {
                    switch (e.getTagName()) {
                        case "vendor" -> map.vendor(e);
                        case "feature" -> map.feature(e);
                        case "model" -> map.model(e);
                        default -> {
                            // nothing else is defined for x86
                        }
                    }
                }
            }
        }
        return map;
    }

    List<Vendor> vendors() {
        return vendors;
    }

    List<Feature> features() {
        return features;
    }

    /** The models in the map's order. */
    List<Model> models() {
        return List.copyOf(models.values());
    }

    Model model(String name) {
        return models.get(name);
    }

    /** A feature by its libvirt name or one of its QEMU aliases, or null. */
    Feature feature(String name) {
        return byName.get(name);
    }

    /** virCPUGetVendorForModel: the vendor of a model, or null. */
    String vendorOf(String model) {
        Model m = models.get(model);
        return m == null || m.vendor() == null ? null : m.vendor().name();
    }

    private void vendor(Element e) {
        byte[] s = e.getAttribute("string").getBytes(StandardCharsets.US_ASCII);
        CpuData d = new CpuData();
        d.add(CpuData.Key.cpuid(0, 0), 0, le32(s, 0), le32(s, 8), le32(s, 4));
        vendors.add(new Vendor(e.getAttribute("name"), d));
    }

    private void feature(Element e) {
        CpuData d = new CpuData();
        for (Element c : children(e, null)) {
            if (c.getTagName().equals("cpuid")) {
                d.add(CpuData.Key.cpuid(num(c, "eax_in"), num(c, "ecx_in")), (int) num(c, "eax"), (int) num(c, "ebx"),
                        (int) num(c, "ecx"), (int) num(c, "edx"));
            } else if (c.getTagName().equals("msr")) {
                d.add(CpuData.Key.msr(num(c, "index")), (int) num(c, "eax"), 0, 0, (int) num(c, "edx"));
            }
        }
        Feature f = new Feature(e.getAttribute("name"), d, !"no".equals(e.getAttribute("migratable")));
        features.add(f);
        byName.put(f.name(), f);
        for (Element alias : children(e, "alias")) {
            byName.putIfAbsent(alias.getAttribute("name"), f);
        }
    }

    private void model(Element e) {
        Vendor vendor = null;
        boolean decodeGuest = true;
        List<Signature> sigs = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        CpuData d = new CpuData();
        for (Element c : children(e, null)) {
            switch (c.getTagName()) {
                case "decode" -> decodeGuest = !"off".equals(c.getAttribute("guest"));
                case "vendor" -> vendor = vendors.stream().filter(v -> v.name().equals(c.getAttribute("name")))
                        .findFirst().orElse(null);
                case "signature" -> sigs.add(new Signature(Integer.parseInt(c.getAttribute("family")),
                        Integer.parseInt(c.getAttribute("model")), steppings(c.getAttribute("stepping"))));
                case "feature" -> {
                    Feature f = byName.get(c.getAttribute("name"));
                    if ("yes".equals(c.getAttribute("removed"))) {
                        removed.add(c.getAttribute("name"));
                    } else if (f != null) {
                        d.addAll(f.data());
                    }
                }
                case "model" -> {
                    Model parent = models.get(c.getAttribute("name"));
                    if (parent != null) {
                        d.addAll(parent.data());
                        vendor = vendor == null ? parent.vendor() : vendor;
                    }
                }
                default -> {
                    // nothing else describes a model
                }
            }
        }
        models.put(e.getAttribute("name"), new Model(e.getAttribute("name"), vendor, decodeGuest, sigs, d, removed));
    }

    /** libvirt's bitmap syntax as the map uses it: {@code 5-7}, {@code 4}, {@code 1,3}. */
    private static boolean[] steppings(String spec) {
        if (spec.isEmpty()) {
            return null;
        }
        boolean[] set = new boolean[16];
        for (String part : spec.split(",")) {
            String[] r = part.trim().split("-");
            int from = Integer.parseInt(r[0]);
            int to = r.length > 1 ? Integer.parseInt(r[1]) : from;
            for (int i = from; i <= to && i < set.length; i++) {
                set[i] = true;
            }
        }
        return set;
    }

    private static long num(Element e, String attr) {
        String v = e.getAttribute(attr);
        if (v.isEmpty()) {
            return 0;
        }
        return v.startsWith("0x") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
    }

    private static int le32(byte[] s, int off) {
        return (s[off] & 0xff) | (s[off + 1] & 0xff) << 8 | (s[off + 2] & 0xff) << 16 | (s[off + 3] & 0xff) << 24;
    }

    private static Element parse(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(in).getDocumentElement();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("malformed CPU map file " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<Element> children(Element e, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && (name == null || c.getTagName().equals(name))) {
                out.add(c);
            }
        }
        return out;
    }
}

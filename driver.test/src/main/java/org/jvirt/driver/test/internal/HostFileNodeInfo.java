package org.jvirt.driver.test.internal;

import java.util.List;

import org.jvirt.api.ErrorDomain;
import org.jvirt.api.NodeInfo;
import org.jvirt.api.VirtException;
import org.w3c.dom.Element;

/**
 * {@code testParseNodeInfo}: the {@code <cpu>} and {@code <memory>} of a host description
 * override libvirt's default node; {@code cpus} is the topology's product, capped by
 * {@code <active>}.
 */
final class HostFileNodeInfo {
    /** The size of virNodeInfo's model field, terminating NUL included. */
    private static final int MODEL_SIZE = 32;

    private final Element root;

    HostFileNodeInfo(Element root) {
        this.root = root;
    }

    NodeInfo read(NodeInfo defaults) throws VirtException {
        Element cpu = first(root, "cpu");
        int nodes = (int) number(cpu, "nodes", "node cpu nodes", defaults.nodes());
        int sockets = (int) number(cpu, "sockets", "node cpu sockets", defaults.sockets());
        int cores = (int) number(cpu, "cores", "node cpu cores", defaults.cores());
        int threads = (int) number(cpu, "threads", "node cpu threads", defaults.threads());
        int cpus = nodes * sockets * cores * threads;
        long active = number(cpu, "active", "node cpu active", cpus);
        if (active < cpus) {
            cpus = (int) active;
        }
        int mhz = (int) number(cpu, "mhz", "node cpu mhz", defaults.mhz());
        Element model = cpu == null ? null : first(cpu, "model");
        String modelName = model == null ? defaults.model() : model.getTextContent();
        if (modelName.length() >= MODEL_SIZE) {
            throw TestDriverErrors.internal("Model " + modelName + " too big for destination");
        }
        long memory = number(root, "memory", "node memory", defaults.memoryKiB());
        return new NodeInfo(modelName, memory, cpus, mhz, nodes, sockets, cores, threads);
    }

    /** {@code virXPathLong}: absent or empty keeps the default, anything but a number fails. */
    private static long number(Element parent, String name, String what, long fallback) throws VirtException {
        Element e = parent == null ? null : first(parent, name);
        if (e == null || e.getTextContent().isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(e.getTextContent().trim());
        } catch (NumberFormatException ex) {
            throw TestDriverErrors.xml(ErrorDomain.TEST, "invalid " + what + " value");
        }
    }

    private static Element first(Element parent, String name) {
        List<Element> found = HostFile.children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }
}

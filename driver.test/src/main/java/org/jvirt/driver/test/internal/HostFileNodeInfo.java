package org.jvirt.driver.test.internal;

import org.jvirt.api.ErrorDomain;
import org.jvirt.api.NodeInfo;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.XmlElement;

/**
 * {@code testParseNodeInfo}: the {@code <cpu>} and {@code <memory>} of a host description
 * override libvirt's default node; {@code cpus} is the topology's product, capped by
 * {@code <active>}.
 */
final class HostFileNodeInfo {
    /** The size of virNodeInfo's model field, terminating NUL included. */
    private static final int MODEL_SIZE = 32;

    private final XmlElement root;

    HostFileNodeInfo(XmlElement root) {
        this.root = root;
    }

    NodeInfo read(NodeInfo defaults) throws VirtException {
        XmlElement cpu = root.child("cpu");
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
        XmlElement model = cpu == null ? null : cpu.child("model");
        String modelName = model == null ? defaults.model() : HostFile.textContent(model);
        if (modelName.length() >= MODEL_SIZE) {
            throw TestDriverErrors.internal("Model " + modelName + " too big for destination");
        }
        long memory = number(root, "memory", "node memory", defaults.memoryKiB());
        return new NodeInfo(modelName, memory, cpus, mhz, nodes, sockets, cores, threads);
    }

    /** {@code virXPathLong}: absent or empty keeps the default, anything but a number fails. */
    private static long number(XmlElement parent, String name, String what, long fallback) throws VirtException {
        XmlElement e = parent == null ? null : parent.child(name);
        String text = e == null ? "" : HostFile.textContent(e);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException ex) {
            throw TestDriverErrors.xml(ErrorDomain.TEST, "invalid " + what + " value");
        }
    }
}

package org.jvirt.driver.qemu.internal.vcpu;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jvirt.driver.qemu.spi.VcpuReport;

/**
 * One libvirt vCPU slot after combining QEMU's two replies (libvirt's {@code qemuMonitorCPUInfo}).
 * Mutable while {@link CpuInfoMerger} fills it; read-only afterwards.
 */
public final class VcpuSlot {
    boolean online;
    boolean hotpluggable;
    long threadId;
    int enableId;
    int queryCpusId = -1;
    String type;
    String alias;
    String qomPath;
    int socket = -1;
    int die = -1;
    int cluster = -1;
    int core = -1;
    int thread = -1;
    int node = -1;
    int vcpus;
    boolean halted;

    public boolean online() {
        return online;
    }

    public boolean hotpluggable() {
        return hotpluggable;
    }

    /** The host thread id, 0 when QEMU reported none. */
    public long threadId() {
        return threadId;
    }

    public int enableId() {
        return enableId;
    }

    /** QEMU's {@code cpu-index}, -1 when not reported. */
    public int queryCpusId() {
        return queryCpusId;
    }

    public String type() {
        return type;
    }

    public String alias() {
        return alias;
    }

    public String qomPath() {
        return qomPath;
    }

    public int socket() {
        return socket;
    }

    public int die() {
        return die;
    }

    public int cluster() {
        return cluster;
    }

    public int core() {
        return core;
    }

    public int thread() {
        return thread;
    }

    public int node() {
        return node;
    }

    /** vCPUs of the hotpluggable entity starting at this slot; 0 for the others. */
    public int vcpus() {
        return vcpus;
    }

    public boolean halted() {
        return halted;
    }

    /** The resolver's view of this slot. */
    public VcpuReport toReport(int vcpu) {
        Map<String, Integer> props = new LinkedHashMap<>();
        put(props, "node-id", node);
        put(props, "socket-id", socket);
        put(props, "die-id", die);
        put(props, "cluster-id", cluster);
        put(props, "core-id", core);
        put(props, "thread-id", thread);
        return new VcpuReport(vcpu, queryCpusId, threadId, qomPath, online, props);
    }

    private static void put(Map<String, Integer> props, String name, int value) {
        if (value != -1) {
            props.put(name, value);
        }
    }
}

package org.jvirt.driver.qemu.internal.vcpu;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.driver.qemu.internal.qmp.QmpClient;
import org.jvirt.driver.qemu.internal.qmp.QmpException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * vCPU hot-plug through {@code device_add} of hotpluggable CPU entities, as libvirt's
 * {@code qemuDomainSetVcpusLive} and {@code qemuDomainSetVcpuInternal}: pick the entities (whole
 * entities only), add them one by one as {@code vcpu<N>} and refresh the vCPU slots after each.
 */
public final class VcpuHotplug {
    /** How often an unplug asks QEMU whether the guest released the vCPU. */
    private static final long UNPLUG_POLL_MS = 100;

    private final QmpClient qmp;
    private final int maxVcpus;
    private List<VcpuSlot> slots;

    public VcpuHotplug(QmpClient qmp, int maxVcpus) {
        this.qmp = qmp;
        this.maxVcpus = maxVcpus;
    }

    /** Reads the vCPU slots from QEMU ({@code query-hotpluggable-cpus}, then {@code query-cpus-fast}). */
    public List<VcpuSlot> refresh() throws VirtException {
        try {
            JsonNode hotplug = qmp.execute("query-hotpluggable-cpus", null);
            JsonNode cpus = qmp.execute("query-cpus-fast", null);
            slots = CpuInfoMerger.merge(hotplug, cpus, maxVcpus);
            return slots;
        } catch (QmpException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, e.getMessage(), e);
        }
    }

    public List<VcpuSlot> slots() {
        return slots;
    }

    private int online() {
        return (int) slots.stream().filter(VcpuSlot::online).count();
    }

    /** {@code virsh setvcpus N --live}, growing only. */
    public void setCount(int target) throws VirtException {
        if (slots == null) {
            refresh();
        }
        if (target > maxVcpus) {
            throw invalidArg("requested vcpus is greater than max allowable vcpus for the live domain: " + target
                    + " > " + maxVcpus);
        }
        int current = online();
        if (target < current) {
            throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU, "vCPU unplug");
        }
        List<Integer> entities = new ArrayList<>();
        for (int i = 0; i < maxVcpus && current < target; i++) {
            VcpuSlot s = slots.get(i);
            if (s.online() || s.vcpus() == 0) {
                continue;
            }
            current += s.vcpus();
            if (current > target) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                        "target vm vcpu granularity does not allow the desired vcpu count");
            }
            entities.add(i);
        }
        if (current != target) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "target vm vcpu granularity does not allow the desired vcpu count");
        }
        plug(entities);
    }

    /** {@code virsh setvcpu MAP --enable --live}: the map must name whole entities. */
    public void enable(BitSet map) throws VirtException {
        if (slots == null) {
            refresh();
        }
        for (int v = map.nextSetBit(0); v >= 0; v = map.nextSetBit(v + 1)) {
            if (v >= maxVcpus) {
                throw invalidArg("vcpu " + v + " is not present in the live config");
            }
            if (slots.get(v).online()) {
                throw invalidArg("vcpu '" + v + "' is already in requested state");
            }
        }
        List<Integer> entities = new ArrayList<>();
        for (int v = map.nextSetBit(0); v >= 0; v = map.nextSetBit(v + 1)) {
            int n = slots.get(v).vcpus();
            if (n == 0) {
                throw invalidArg("vcpu '" + v + "' belongs to a larger hotpluggable entity, but siblings were not "
                        + "selected");
            }
            for (int i = v + 1; i < v + n; i++) {
                if (!map.get(i)) {
                    throw invalidArg("vcpu '" + i + "' was not selected but it belongs to hotpluggable entity '" + v
                            + "-" + (v + n - 1) + "' which was partially selected");
                }
            }
            entities.add(v);
            v += n - 1;
        }
        plug(entities);
    }

    /**
     * {@code virsh setvcpu MAP --disable --live}: validated as libvirt does; the unplug itself
     * ({@code device_del} and waiting for {@code DEVICE_DELETED}) is not implemented.
     */
    public void disable(BitSet map) throws VirtException {
        if (slots == null) {
            refresh();
        }
        for (int v = map.nextSetBit(0); v >= 0; v = map.nextSetBit(v + 1)) {
            if (v >= maxVcpus) {
                throw invalidArg("vcpu " + v + " is not present in the live config");
            }
            VcpuSlot s = slots.get(v);
            if (!s.online()) {
                throw invalidArg("vcpu '" + v + "' is already in requested state");
            }
            if (!s.hotpluggable()) {
                throw invalidArg("vcpu '" + v + "' can't be hotunplugged");
            }
        }
        throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU, "vCPU unplug");
    }

    /**
     * {@code virsh setvcpus N --live} to fewer vCPUs, as libvirt's qemuDomainSelectHotplugVcpuEntities
     * and qemuDomainHotplugDelVcpu: whole entities from the last, only those added as devices
     * (with an alias), each removed with {@code device_del} and awaited until QEMU reports it gone.
     * A guest that does not release the vCPU in {@code timeout} leaves the call timed out.
     */
    public void unplugTo(int target, Duration timeout) throws VirtException {
        if (slots == null) {
            refresh();
        }
        int current = online();
        List<Integer> entities = new ArrayList<>();
        for (int i = maxVcpus - 1; i >= 0 && current > target; i--) {
            VcpuSlot s = slots.get(i);
            if (!s.online() || s.vcpus() == 0 || s.alias() == null) {
                continue;
            }
            current -= s.vcpus();
            if (current < target) {
                throw granularity();
            }
            entities.add(i);
        }
        if (current != target) {
            throw granularity();
        }
        for (int v : entities) {
            unplug(v, timeout);
        }
    }

    private void unplug(int vcpu, Duration timeout) throws VirtException {
        String alias = slots.get(vcpu).alias();
        try {
            qmp.execute("device_del", QmpClient.args().put("id", alias));
        } catch (QmpException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, e.getMessage(), e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (refresh().get(vcpu).online()) {
            if (System.nanoTime() - deadline > 0) {
                throw new VirtException(ErrorCode.OPERATION_TIMEOUT, ErrorDomain.QEMU,
                        "vcpu unplug request timed out. Unplug result must be manually inspected in the domain");
            }
            try {
                Thread.sleep(UNPLUG_POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, "interrupted while unplugging vcpu "
                        + vcpu);
            }
        }
    }

    private static VirtException granularity() {
        return new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                "target vm vcpu granularity does not allow the desired vcpu count");
    }

    private void plug(List<Integer> entities) throws VirtException {
        for (int v : entities) {
            VcpuSlot s = slots.get(v);
            ObjectNode args = QmpClient.args().put("driver", s.type()).put("id", "vcpu" + v);
            put(args, "node-id", s.node());
            put(args, "socket-id", s.socket());
            put(args, "die-id", s.die());
            put(args, "cluster-id", s.cluster());
            put(args, "core-id", s.core());
            put(args, "thread-id", s.thread());
            try {
                qmp.execute("device_add", args);
            } catch (QmpException e) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, e.getMessage(), e);
            }
            refresh();
        }
    }

    private static void put(ObjectNode args, String name, int value) {
        if (value != -1) {
            args.put(name, value);
        }
    }

    private static VirtException invalidArg(String detail) {
        return new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, detail);
    }
}

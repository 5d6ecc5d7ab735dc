package org.jvirt.driver.esx.internal;

import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.driver.esx.internal.vi.ObjectContent;
import org.jvirt.driver.esx.internal.vi.PropertyCollector;
import org.jvirt.driver.esx.internal.vi.ViClient;
import org.jvirt.driver.esx.internal.vi.ViErrors;

/**
 * The calls that change a VM, each with the power state check libvirt's ESX driver makes first
 * and its messages: power on/off, suspend/resume, guest shutdown/reboot, ReconfigVM for memory
 * and vCPUs. A task is prepared for as libvirt does ({@link VmTasks#prepare}: the VM's question,
 * other pending tasks) before the power state is checked, in libvirt's order.
 */
final class VmOps {
    private final ViClient client;
    private final VmTasks tasks;
    private final PropertyCollector collector;
    private final EsxHost host;

    VmOps(ViClient client, PropertyCollector collector, EsxHost host) {
        this.client = client;
        this.tasks = new VmTasks(client);
        this.collector = collector;
        this.host = host;
    }

    void start(Vm vm) throws VirtException {
        tasks.prepare(vm);
        require(vm, "poweredOff", "Domain is not powered off");
        tasks.run("PowerOnVM_Task", vm, "", "start domain");
    }

    void destroy(Vm vm) throws VirtException {
        tasks.prepare(vm);
        require(vm, "poweredOn", "Domain is not powered on");
        tasks.run("PowerOffVM_Task", vm, "", "destroy domain");
    }

    void suspend(Vm vm) throws VirtException {
        tasks.prepare(vm);
        require(vm, "poweredOn", "Domain is not powered on");
        tasks.run("SuspendVM_Task", vm, "", "suspend domain");
    }

    void resume(Vm vm) throws VirtException {
        tasks.prepare(vm);
        require(vm, "suspended", "Domain is not suspended");
        tasks.run("PowerOnVM_Task", vm, "", "resume domain");
    }

    /** ShutdownGuest: asks the guest (VMware Tools) and returns at once, as libvirt. */
    void shutdown(Vm vm) throws VirtException {
        require(vm, "poweredOn", "Domain is not powered on");
        client.invoke("ShutdownGuest", vm.ref(), "");
    }

    void reboot(Vm vm) throws VirtException {
        require(vm, "poweredOn", "Domain is not powered on");
        client.invoke("RebootGuest", vm.ref(), "");
    }

    /** {@code esxDomainSetMaxMemory}: the VM's memory size, only while it is powered off. */
    void setMaxMemory(Vm vm, long kib) throws VirtException {
        tasks.prepare(vm);
        require(vm, "poweredOff", "Domain is not powered off");
        reconfigure(vm, "<memoryMB>" + divUp(kib, 1024) + "</memoryMB>",
                "set max-memory to " + kib + " kilobytes");
    }

    /** {@code esxDomainSetMemory}: the memory limit (what the guest may use of its size). */
    void setMemory(Vm vm, long kib) throws VirtException {
        tasks.prepare(vm);
        reconfigure(vm, "<memoryAllocation><limit>" + divUp(kib, 1024) + "</limit></memoryAllocation>",
                "set memory to " + kib + " kilobytes");
    }

    /**
     * {@code esxDomainSetVcpusFlags}: at least 1, at most the host's {@code maxSupportedVcpus}.
     * A host that does not tell its maximum (the simulator) leaves the check to the server, where
     * libvirt fails with "An error occurred, but the cause is unknown".
     */
    void setVcpus(Vm vm, int count) throws VirtException {
        if (count < 1) {
            throw ViErrors.invalidArg("Requested number of virtual CPUs must at least be 1");
        }
        int max = maxVcpus();
        if (max > 0 && count > max) {
            throw ViErrors.invalidArg("Requested number of virtual CPUs is greater than max allowable number of"
                    + " virtual CPUs for the domain: " + count + " > " + max);
        }
        tasks.prepare(vm);
        reconfigure(vm, "<numCPUs>" + count + "</numCPUs>", "set number of virtual CPUs to " + count);
    }

    /** The host's {@code capability.maxSupportedVcpus}, or -1 when it does not say. */
    int maxVcpus() throws VirtException {
        ObjectContent hs = collector.retrieveOne(host.hostSystem(), List.of("capability.maxSupportedVcpus"));
        return (int) hs.longValue("capability.maxSupportedVcpus", -1);
    }

    private void reconfigure(Vm vm, String spec, String what) throws VirtException {
        tasks.run("ReconfigVM_Task", vm, "<spec>" + spec + "</spec>", what);
    }

    private static void require(Vm vm, String powerState, String message) throws VirtException {
        if (!powerState.equals(vm.powerState())) {
            throw ViErrors.of(ErrorCode.OPERATION_INVALID, message);
        }
    }

    private static long divUp(long value, long by) {
        return (value + by - 1) / by;
    }
}

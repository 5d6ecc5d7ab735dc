package org.jvirt.driver.esx.internal;

import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.driver.esx.internal.vi.MoRef;
import org.jvirt.driver.esx.internal.vi.ObjectContent;
import org.jvirt.driver.esx.internal.vi.PropertyCollector;
import org.jvirt.driver.esx.internal.vi.TaskWaiter;
import org.jvirt.driver.esx.internal.vi.ViClient;
import org.jvirt.driver.esx.internal.vi.ViErrors;
import org.jvirt.driver.esx.internal.vi.VmQuestion;

/**
 * Runs a {@code ..._Task} method on a managed object and waits for its end; a task that fails
 * is libvirt's {@code internal error: Could not <what>: <the task's message>}. A task on a VM is
 * watched together with the VM's question ({@link TaskWaiter}).
 */
final class VmTasks {
    /** How long a task may take: powering on a real VM can take minutes (questions aside). */
    static final int TIMEOUT_SECONDS = 600;

    private final ViClient client;
    private final TaskWaiter waiter;

    VmTasks(ViClient client) {
        this.client = client;
        this.waiter = new TaskWaiter(client);
    }

    /**
     * libvirt's {@code esxVI_LookupVirtualMachineByUuidAndPrepareForTask}, on the VM as read
     * ({@link Vm#question()} and {@link Vm#recentTasks()} come with its other properties): the
     * states of its recent tasks are read (one round trip, only when it has any), a question it asks
     * is answered ({@code auto_answer=1}) or reported, and then a queued or running task among those
     * read before is libvirt's {@code Other tasks are pending for this domain} (in libvirt's order:
     * a task the answer released still counts).
     */
    void prepare(Vm vm) throws VirtException {
        boolean pending = false;
        if (!vm.recentTasks().isEmpty()) {
            for (ObjectContent task : new PropertyCollector(client).retrieveEach(vm.recentTasks(),
                    List.of("info.state"))) {
                String state = task.string("info.state");
                pending |= "queued".equals(state) || "running".equals(state);
            }
        }
        if (vm.question() != null) {
            VmQuestion.handle(client, vm.ref(), vm.question(), client.autoAnswer());
        }
        if (pending) {
            throw ViErrors.of(ErrorCode.OPERATION_INVALID, "Other tasks are pending for this domain");
        }
    }

    /** Calls {@code method} on the VM {@code vm} itself, watching its question. */
    TaskWaiter.Outcome run(String method, Vm vm, String parameters, String what) throws VirtException {
        return run(method, vm.ref(), vm, parameters, what);
    }

    /**
     * Calls {@code method} on {@code target} (a VM, a snapshot of {@code vm}, a folder, ...);
     * {@code what} completes "Could not ..." on failure. With {@code vm} (else null), the VM's
     * question is handled while the task runs, as libvirt's {@code esxVI_WaitForTaskCompletion}.
     */
    TaskWaiter.Outcome run(String method, MoRef target, Vm vm, String parameters, String what)
            throws VirtException {
        MoRef task = client.singleMoRef(method, target, parameters);
        TaskWaiter.Outcome outcome = waiter.await(task, vm == null ? null : vm.ref(), TIMEOUT_SECONDS);
        if (!outcome.success()) {
            throw ViErrors.internal("Could not " + what + ": " + outcome.errorMessage());
        }
        return outcome;
    }

    /** A task on an object that is no VM (a folder, the file manager). */
    TaskWaiter.Outcome run(String method, MoRef target, String parameters, String what) throws VirtException {
        return run(method, target, null, parameters, what);
    }
}

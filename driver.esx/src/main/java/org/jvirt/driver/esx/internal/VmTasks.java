package org.jvirt.driver.esx.internal;

import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.driver.esx.internal.vi.MoRef;
import org.jvirt.driver.esx.internal.vi.PropertyCollector;
import org.jvirt.driver.esx.internal.vi.TaskWaiter;
import org.jvirt.driver.esx.internal.vi.ViClient;
import org.jvirt.driver.esx.internal.vi.ViErrors;
import org.jvirt.driver.esx.internal.vi.VmQuestion;
import org.w3c.dom.Element;

/**
 * Runs a {@code ..._Task} method on a managed object and waits for its end; a task that fails
 * is libvirt's {@code internal error: Could not <what>: <the task's message>}.
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
     * Calls {@code method} on {@code target}; {@code what} completes "Could not ..." on failure. On a
     * VM, a question the VM asks is handled first and while the task runs, as libvirt's
     * {@code esxVI_LookupVirtualMachineByUuidAndPrepareForTask} and {@code esxVI_WaitForTaskCompletion}
     * (answered with {@code auto_answer=1}, else an error naming it).
     */
    TaskWaiter.Outcome run(String method, MoRef target, String parameters, String what) throws VirtException {
        MoRef vm = "VirtualMachine".equals(target.type()) ? target : null;
        if (vm != null) {
            Element question = new PropertyCollector(client).retrieveOne(vm, List.of("runtime.question"))
                    .element("runtime.question");
            if (question != null) {
                VmQuestion.handle(client, vm, question, client.autoAnswer());
            }
        }
        MoRef task = client.singleMoRef(method, target, parameters);
        TaskWaiter.Outcome outcome = waiter.await(task, vm, TIMEOUT_SECONDS);
        if (!outcome.success()) {
            throw ViErrors.internal("Could not " + what + ": " + outcome.errorMessage());
        }
        return outcome;
    }
}

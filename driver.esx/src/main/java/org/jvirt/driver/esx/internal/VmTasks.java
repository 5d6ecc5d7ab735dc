package org.jvirt.driver.esx.internal;

import org.jvirt.api.VirtException;
import org.jvirt.driver.esx.internal.vi.MoRef;
import org.jvirt.driver.esx.internal.vi.TaskWaiter;
import org.jvirt.driver.esx.internal.vi.ViClient;
import org.jvirt.driver.esx.internal.vi.ViErrors;

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

    /** Calls {@code method} on {@code target}; {@code what} completes "Could not ..." on failure. */
    TaskWaiter.Outcome run(String method, MoRef target, String parameters, String what) throws VirtException {
        MoRef task = client.singleMoRef(method, target, parameters);
        TaskWaiter.Outcome outcome = waiter.await(task, TIMEOUT_SECONDS);
        if (!outcome.success()) {
            throw ViErrors.internal("Could not " + what + ": " + outcome.errorMessage());
        }
        return outcome;
    }
}

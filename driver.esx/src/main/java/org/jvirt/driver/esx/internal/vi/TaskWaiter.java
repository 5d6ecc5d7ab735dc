package org.jvirt.driver.esx.internal.vi;

import java.util.List;

import org.jvirt.api.VirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

/**
 * Follows a task to its end ({@code esxVI_WaitForTaskCompletion}): the task's state read once
 * (a task that has ended already costs that one round trip), else a property filter on the
 * task's {@code info.state} and {@code info.error}, then {@code WaitForUpdatesEx} until the state
 * is {@code success} or {@code error}, then the filter is destroyed. The server holds each wait
 * open until something changes (or {@link #WAIT_SECONDS} pass), so nothing polls. A task on a VM
 * also watches the VM's {@code runtime.question}: a question the VM asks is handled as libvirt
 * does ({@link VmQuestion}), and when it stays unanswered the task is cancelled if it can be.
 */
public final class TaskWaiter {
    private static final Logger LOG = LoggerFactory.getLogger(TaskWaiter.class);
    static final int WAIT_SECONDS = 60;
    private static final String STATE = "info.state";
    private static final String ERROR = "info.error";
    private static final String RESULT = "info.result";

    private final ViClient client;

    public TaskWaiter(ViClient client) {
        this.client = client;
    }

    /**
     * How a task ended: {@code success} or the error's localized message; {@code result} the
     * task's result when it is a managed object reference, {@code value} the result as sent (or null).
     */
    public record Outcome(boolean success, String errorMessage, MoRef result, Element value) {
    }

    /** Waits for {@code task}; a task that does not end within {@code timeoutSeconds} is an error. */
    public Outcome await(MoRef task, int timeoutSeconds) throws VirtException {
        return await(task, null, timeoutSeconds);
    }

    /**
     * Waits for {@code task} on the VM {@code vm} (null: none), handling the questions the VM asks
     * meanwhile ({@code esxVI_WaitForTaskCompletion} with a VM and the connection's {@code auto_answer}).
     */
    public Outcome await(MoRef task, MoRef vm, int timeoutSeconds) throws VirtException {
        // Many tasks have ended by the time their method answers (a simulator's all, a host's
        // quick ones): one read tells, where a property filter costs three round trips at least.
        ObjectContent info = new PropertyCollector(client).retrieveOne(task, List.of(STATE, ERROR, RESULT));
        String first = info.string(STATE);
        if ("success".equals(first) || "error".equals(first)) {
            return outcome(first, info.element(ERROR), info.element(RESULT));
        }
        return follow(task, vm, timeoutSeconds);
    }

    /** Follows a task that still runs with a property filter (and the VM's question, with {@code vm}). */
    private Outcome follow(MoRef task, MoRef vm, int timeoutSeconds) throws VirtException {
        MoRef collector = client.service().propertyCollector();
        String question = vm == null ? "" : "<propSet><type>VirtualMachine</type><all>false</all>"
                + "<pathSet>runtime.question</pathSet></propSet>";
        String questionObject = vm == null ? "" : "<objectSet>" + vm.toXml("obj") + "<skip>false</skip></objectSet>";
        String spec = "<spec><propSet><type>Task</type><all>false</all><pathSet>info.state</pathSet>"
                + "<pathSet>info.error</pathSet><pathSet>info.result</pathSet></propSet>" + question + "<objectSet>"
                + task.toXml("obj") + "<skip>false</skip></objectSet>" + questionObject
                + "</spec><partialUpdates>false</partialUpdates>";
        MoRef filter = client.singleMoRef("CreateFilter", collector, spec);
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        try {
            String version = "";
            String state = null;
            Element error = null;
            Element result = null;
            String answered = null;
            while (!"success".equals(state) && !"error".equals(state)) {
                if (System.nanoTime() > deadline) {
                    throw ViErrors.internal("Task '" + task.value() + "' did not complete within " + timeoutSeconds
                            + " seconds");
                }
                List<Element> updates = client.invoke("WaitForUpdatesEx", collector,
                        SoapXml.element("version", version) + "<options><maxWaitSeconds>" + WAIT_SECONDS
                                + "</maxWaitSeconds></options>");
                if (updates.isEmpty()) {
                    continue; // the wait timed out on the server with no change
                }
                Element set = updates.get(0);
                version = SoapXml.childText(set, "version");
                for (Element filterSet : SoapXml.children(set, "filterSet")) {
                    for (Element objectSet : SoapXml.children(filterSet, "objectSet")) {
                        for (Element change : SoapXml.children(objectSet, "changeSet")) {
                            String name = SoapXml.childText(change, "name");
                            Element val = SoapXml.child(change, "val");
                            if ("runtime.question".equals(name) && val != null) {
                                String id = SoapXml.childText(val, "id");
                                if (answered == null || !answered.equals(id)) {
                                    answer(task, vm, val); // once: the answer may take a moment to clear it
                                    answered = id;
                                }
                            } else if ("info.state".equals(name) && val != null) {
                                state = val.getTextContent().trim();
                            } else if ("info.error".equals(name)) {
                                error = val;
                            } else if ("info.result".equals(name)) {
                                result = val;
                            }
                        }
                    }
                }
            }
            return outcome(state, error, result);
        } finally {
            client.invoke("DestroyPropertyFilter", filter, "");
        }
    }

    private static Outcome outcome(String state, Element error, Element result) {
        MoRef resultRef = result != null && !result.getAttribute("type").isEmpty() ? MoRef.of(result) : null;
        return new Outcome("success".equals(state), error == null ? null : message(error), resultRef, result);
    }

    /** Answers the VM's question, or cancels the task it blocks (when the task can be) and fails. */
    private void answer(MoRef task, MoRef vm, Element question) throws VirtException {
        try {
            VmQuestion.handle(client, vm, question, client.autoAnswer());
        } catch (VirtException e) {
            try {
                ObjectContent info = new PropertyCollector(client).retrieveOne(task, List.of("info.cancelable"));
                if (info.bool("info.cancelable", false)) {
                    client.invoke("CancelTask", task, "");
                } else {
                    LOG.error("Non-cancelable task {} is blocked by an unanswered question", task.value());
                }
            } catch (VirtException cancel) {
                LOG.error("Cancelable task {} is blocked by an unanswered question but cancellation failed: {}",
                        task.value(), cancel.getMessage());
            }
            throw e;
        }
    }

    private static String message(Element localizedMethodFault) {
        String text = SoapXml.childText(localizedMethodFault, "localizedMessage");
        if (text != null && !text.isEmpty()) {
            return text;
        }
        Element fault = SoapXml.child(localizedMethodFault, "fault");
        String type = fault == null ? null : SoapXml.xsiType(fault);
        return type == null ? "unknown error" : type;
    }
}

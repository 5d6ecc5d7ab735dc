package org.jvirt.driver.hyperv.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.driver.hyperv.internal.wsman.HypervErrors;
import org.jvirt.driver.hyperv.internal.wsman.MethodInput;
import org.jvirt.driver.hyperv.internal.wsman.WmiObject;
import org.jvirt.driver.hyperv.internal.wsman.WmiReference;
import org.jvirt.driver.hyperv.internal.wsman.WsmanClient;
import org.jvirt.driver.hyperv.internal.wsman.WsmanXml;
import org.w3c.dom.Element;

/**
 * WMI on a Hyper-V host: queries in the namespace of a class ({@code root/virtualization/v2} for
 * {@code Msvm_*}, {@code root/cimv2} for {@code Win32_*}) and method calls that wait for their job,
 * as libvirt's {@code hypervInvokeMethod}: ReturnValue 0 is done; 4096 hands back an
 * {@code Msvm_ConcreteJob} reference, read every 100 ms until the job completes, fails or the job
 * timeout passes; anything else is an error with its meaning ({@link ReturnCodes}). libvirt reads
 * the job by {@code SELECT * FROM Msvm_ConcreteJob WHERE InstanceID = '…'}; here it is a WS-Transfer
 * Get of the reference the method handed back, the same instance in one round trip, with the same
 * states and, for a job that is gone, libvirt's {@code Could not lookup Msvm_ConcreteJob for M invocation}.
 */
final class Wmi {
    static final String V2 = WsmanXml.WMI_BASE + "root/virtualization/v2/";
    static final String CIMV2 = WsmanXml.WMI_BASE + "root/cimv2/";
    private static final long POLL_MILLIS = 100;

    private final WsmanClient client;
    private final Duration jobTimeout;

    Wmi(WsmanClient client, Duration jobTimeout) {
        this.client = client;
        this.jobTimeout = jobTimeout;
    }

    /** Closes the WS-Management client's connections. */
    void close() {
        client.close();
    }

    static String classUri(String className) {
        return (className.startsWith("Win32_") ? CIMV2 : V2) + className;
    }

    /** The instances {@code wql} selects; {@code className} names the namespace to ask. */
    List<WmiObject> query(String className, String wql) throws VirtException {
        return client.enumerate((className.startsWith("Win32_") ? CIMV2 : V2) + "*", wql);
    }

    /** The one instance {@code wql} selects, else libvirt's {@code Could not lookup CLASS}. */
    WmiObject queryOne(String className, String wql) throws VirtException {
        List<WmiObject> found = query(className, wql);
        if (found.isEmpty()) {
            throw HypervErrors.internal("Could not lookup " + className);
        }
        return found.get(0);
    }

    /** The instance {@code ref} addresses (WS-Transfer Get), or null when there is none. */
    WmiObject get(WmiReference ref) throws VirtException {
        return client.get(ref);
    }

    /** A WQL string literal: double quotes, with backslash and quote escaped. */
    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Invokes {@code method} on {@code target} and waits for its job; returns the output parameters. */
    Element invoke(WmiReference target, String method, MethodInput input) throws VirtException {
        Element output = client.invoke(target, method, input.toXml());
        String returnText = WsmanXml.childText(output, null, "ReturnValue");
        long code;
        try {
            code = Long.parseLong(returnText == null ? "" : returnText);
        } catch (NumberFormatException e) {
            // libvirt 9.0: hypervInvokeMsvmComputerSystemRequestStateChange's words, else hypervInvokeMethod's
            throw HypervErrors.internal(stateChange(method) ? "Could not lookup ReturnValue for " + method
                    + " invocation" : "Could not get return value for " + method + " invocation");
        }
        if (code == ReturnCodes.TRANSITION_STARTED) {
            Element job = WsmanXml.child(output, null, "Job");
            WmiReference ref = job == null ? null : WmiReference.of(job);
            // libvirt takes the job's InstanceID selector; without one the reference is no job's
            if (ref == null || ref.selectors().get("InstanceID") == null) {
                throw HypervErrors.internal(stateChange(method) ? "Could not lookup InstanceID for " + method
                        + " invocation" : "Could not get instance ID for " + method + " invocation");
            }
            awaitJob(method, ref.resourceUri().isEmpty() ? new WmiReference(classUri("Msvm_ConcreteJob"),
                    ref.selectors()) : ref);
        } else if (code != ReturnCodes.COMPLETED) {
            throw HypervErrors.internal("Invocation of " + method + " returned an error: "
                    + ReturnCodes.describe(code) + " (" + code + ")");
        }
        return output;
    }

    private void awaitJob(String method, WmiReference jobRef) throws VirtException {
        long deadline = System.nanoTime() + jobTimeout.toNanos();
        while (true) {
            WmiObject job = client.get(jobRef);
            if (job == null) {
                // libvirt's words on the RequestStateChange path (hypervInvokeMethod reports nothing)
                throw HypervErrors.internal("Could not lookup Msvm_ConcreteJob for " + method + " invocation");
            }
            int state = (int) job.number("JobState", -1);
            switch (state) {
                case JobStates.COMPLETED:
                    return;
                case JobStates.NEW, JobStates.STARTING, JobStates.RUNNING, JobStates.SHUTTING_DOWN:
                    break;
                case JobStates.TERMINATED, JobStates.KILLED, JobStates.EXCEPTION, JobStates.SERVICE:
                    throw HypervErrors.internal("Concrete job for " + method + " invocation is in error state ("
                            + JobStates.name(state) + "): " + describe(job));
                default:
                    throw HypervErrors.internal(stateChange(method) ? "Concrete job for " + method
                            + " invocation is in unknown state" : "Unknown invocation state");
            }
            if (System.nanoTime() > deadline) {
                throw HypervErrors.of(ErrorCode.OPERATION_TIMEOUT, "Timeout waiting for " + method + " invocation");
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw HypervErrors.internal("Interrupted waiting for " + method + " invocation", e);
            }
        }
    }

    private static boolean stateChange(String method) {
        return WsmanClient.REQUEST_STATE_CHANGE.equals(method);
    }

    private static String describe(WmiObject job) {
        String description = job.string("ErrorDescription");
        long errorCode = job.number("ErrorCode", 0);
        return (description == null ? "no error description" : description) + " (error code " + errorCode + ")";
    }

    /** The reference to a class's instance from its key properties, given as name, value, name, value... */
    static WmiReference reference(String className, String... keysAndValues) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            keys.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new WmiReference(classUri(className), keys);
    }
}

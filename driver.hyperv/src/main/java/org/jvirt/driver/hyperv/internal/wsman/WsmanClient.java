package org.jvirt.driver.hyperv.internal.wsman;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jvirt.api.VirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

/**
 * WS-Management operations on WMI (libvirt's {@code hypervEnumAndPull}, {@code hypervGetWmiClass},
 * {@code hypervInvokeMethod} over openwsman, and WS-Transfer Get): every answer is checked as libvirt's
 * {@code hypervVerifyResponse} does (HTTP status 200, 400 or 500; a body; no SOAP fault) and its
 * errors carry libvirt's wording.
 */
public final class WsmanClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WsmanClient.class);
    /** libvirt's page size for Enumerate/Pull. */
    static final int MAX_ELEMENTS = 100;
    /**
     * The one method libvirt 9.0 invokes through its own function
     * ({@code hypervInvokeMsvmComputerSystemRequestStateChange}), with {@code hypervVerifyResponse}'s
     * messages; the others go through {@code hypervInvokeMethod}, whose messages differ.
     */
    public static final String REQUEST_STATE_CHANGE = "RequestStateChange";
    /** The envelope size we offer the server (WinRM's default MaxEnvelopeSizekb is 500). */
    private static final int MAX_ENVELOPE_SIZE = 512 * 1024;

    private final WsmanTransport transport;
    private final int timeoutSeconds;
    private final int maxItems;

    /**
     * @param maxItems the most instances one enumeration may return, so a server that never ends
     *                 its sequence cannot make the client pull forever
     */
    public WsmanClient(WsmanTransport transport, int timeoutSeconds, int maxItems) {
        this.transport = transport;
        this.timeoutSeconds = timeoutSeconds;
        this.maxItems = maxItems;
    }

    /**
     * Enumerates the instances a WQL query selects ({@code SELECT * FROM C WHERE ...} or
     * {@code ASSOCIATORS OF {...} WHERE ...}) in the WMI namespace {@code namespaceUri}
     * ({@code .../wmi/root/virtualization/v2/*}): Enumerate, then Pull until the end of the sequence.
     */
    public List<WmiObject> enumerate(String namespaceUri, String wql) throws VirtException {
        LOG.debug("Enumerating {} in {}", wql, namespaceUri);
        Element response = call("enumeration", WsmanRequest.ENUMERATE, namespaceUri, Map.of(),
                WsmanRequest.enumerateBody(wql, MAX_ELEMENTS), "EnumerateResponse");
        List<WmiObject> out = new ArrayList<>();
        String context = WsmanXml.childText(response, WsmanXml.ENUMERATION, "EnumerationContext");
        boolean end = addItems(response, out);
        int pulls = 0;
        try {
            while (!end) {
                // a Pull answers at least one item unless the server is stalling: bound the rounds too
                if (++pulls > maxItems) {
                    throw HypervErrors.internal("Enumeration did not end after " + maxItems + " pulls");
                }
                if (context == null || context.isEmpty()) {
                    throw HypervErrors.internal("Lookup of enumeration context failed: the server answered"
                            + " no EnumerationContext for '" + wql + "'");
                }
                Element pull = call("pull", WsmanRequest.PULL, namespaceUri, Map.of(),
                        WsmanRequest.pullBody(context, MAX_ELEMENTS), "PullResponse");
                String next = WsmanXml.childText(pull, WsmanXml.ENUMERATION, "EnumerationContext");
                context = next == null ? context : next;
                end = addItems(pull, out);
            }
        } catch (VirtException e) {
            release(namespaceUri, context);
            throw e;
        }
        return out;
    }

    private boolean addItems(Element response, List<WmiObject> out) throws VirtException {
        Element items = WsmanXml.child(response, null, "Items");
        if (items != null) {
            for (Element item : WsmanXml.children(items)) {
                out.add(WmiObject.of(item));
            }
        }
        if (out.size() > maxItems) {
            throw HypervErrors.internal("Enumeration returned more than " + maxItems + " instances");
        }
        return WsmanXml.child(response, null, "EndOfSequence") != null;
    }

    /** Ends an enumeration that is not read to its end, so the server can drop it. Failures are only logged. */
    private void release(String namespaceUri, String context) {
        if (context == null || context.isEmpty()) {
            return;
        }
        try {
            call("release", WsmanRequest.RELEASE, namespaceUri, Map.of(), WsmanRequest.releaseBody(context), null);
        } catch (VirtException e) {
            LOG.debug("Release of enumeration context {} failed: {}", context, e.getMessage());
        }
    }

    /**
     * WS-Transfer Get of the one instance an endpoint reference addresses (its resource URI and
     * selector set, as a method's output hands it back: DefineSystem's ResultingSystem, a job).
     * Returns null when the server answers that the reference selects no instance; faults, HTML pages
     * and answers past the size limit are errors as for an enumeration, with "get" for the operation.
     * libvirt 9.0 never issues a Get (it reads everything by WQL); see the README for where jvirt does.
     */
    public WmiObject get(WmiReference ref) throws VirtException {
        LOG.debug("Getting {} {}", ref.resourceUri(), ref.selectors());
        String envelope = WsmanRequest.envelope(transport.url().toString(), WsmanRequest.GET, ref.resourceUri(),
                ref.selectors(), MAX_ENVELOPE_SIZE, timeoutSeconds, "");
        Element instance = WsmanAnswers.readInstance(transport.post("get", envelope));
        return instance == null ? null : WmiObject.of(instance);
    }

    /**
     * Invokes a WMI method: action {@code classUri/method}, the input parameters' XML inside
     * {@code <p:method_INPUT>}; returns the {@code method_OUTPUT} element. Faults are reported in the
     * words of libvirt 9.0's path for the method (see {@link #REQUEST_STATE_CHANGE}).
     */
    public Element invoke(WmiReference target, String method, String inputXml) throws VirtException {
        String body = "<p:" + method + "_INPUT xmlns:p=\"" + WsmanXml.escape(target.resourceUri()) + "\">" + inputXml
                + "</p:" + method + "_INPUT>";
        if (REQUEST_STATE_CHANGE.equals(method)) {
            return call("invocation", target.resourceUri() + "/" + method, target.resourceUri(), target.selectors(),
                    body, method + "_OUTPUT");
        }
        String envelope = WsmanRequest.envelope(transport.url().toString(), target.resourceUri() + "/" + method,
                target.resourceUri(), target.selectors(), MAX_ENVELOPE_SIZE, timeoutSeconds, body);
        return WsmanAnswers.readInvocation(method, transport.post("invocation", envelope));
    }

    /**
     * Sends one request and returns the body's element named {@code expect} (the Body itself for null).
     */
    private Element call(String detail, String action, String resourceUri, Map<String, String> selectors,
                         String body, String expect) throws VirtException {
        String envelope = WsmanRequest.envelope(transport.url().toString(), action, resourceUri, selectors,
                MAX_ENVELOPE_SIZE, timeoutSeconds, body);
        return WsmanAnswers.read(detail, transport.post(detail, envelope), expect);
    }

    /** Closes the transport's connections. */
    @Override
    public void close() {
        transport.close();
    }
}

package org.jvirt.driver.hyperv.internal.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.w3c.dom.Element;

/**
 * The WS-Management operations of DSP0226 1.x as WinRM serves them: WS-Enumeration Enumerate (with
 * {@code w:OptimizeEnumeration} and {@code w:MaxElements}: the first items in the answer), Pull and
 * Release with enumeration contexts; WS-Transfer Get by selectors; custom actions
 * ({@code resourceURI/Method}) as WMI method calls. Filters are WQL
 * ({@code http://schemas.microsoft.com/wbem/wsman/1/WQL}); a request without a filter enumerates
 * the class its resource URI names.
 */
final class SimProtocol {
    static final String ENUMERATION = SimXml.ENUMERATION;
    static final String WQL = "http://schemas.microsoft.com/wbem/wsman/1/WQL";

    private final SimHost host;
    private final SimJobs jobs;
    private final SimMethods methods;
    private final Map<String, List<SimInstance>> contexts = new ConcurrentHashMap<>();
    private final Map<String, String> modes = new ConcurrentHashMap<>();
    private volatile String lostClass;
    private volatile String faultClass;
    private final AtomicInteger gets = new AtomicInteger();

    SimProtocol(SimHost host, SimJobs jobs) {
        this.host = host;
        this.jobs = jobs;
        this.methods = new SimMethods(host, jobs);
    }

    int openContexts() {
        return contexts.size();
    }

    /** Answers one request envelope (already authenticated). */
    String handle(Element envelope) throws Exception {
        Element header = SimXml.child(envelope, "Header");
        Element body = SimXml.child(envelope, "Body");
        String action = SimXml.text(header, "Action");
        String uri = SimXml.text(header, "ResourceURI");
        String messageId = SimXml.text(header, "MessageID");
        if (action == null || uri == null || body == null) {
            throw new SimFault("Sender", "InvalidMessageInformationHeader", "The WS-Management service cannot process"
                    + " the request because the header is missing Action or ResourceURI.", "");
        }
        Map<String, String> selectors = selectors(header);
        return switch (action) {
            case ENUMERATION + "/Enumerate" -> enumerate(uri, SimXml.child(body, "Enumerate"), messageId);
            case ENUMERATION + "/Pull" -> pull(SimXml.child(body, "Pull"), messageId);
            case ENUMERATION + "/Release" -> release(SimXml.child(body, "Release"), messageId);
            case "http://schemas.xmlsoap.org/ws/2004/09/transfer/Get" -> get(uri, selectors, messageId);
            default -> invoke(action, uri, selectors, body, messageId);
        };
    }

    private String enumerate(String uri, Element request, String messageId) throws Exception {
        Element filter = request == null ? null : SimXml.child(request, "Filter");
        List<SimInstance> found;
        if (filter != null) {
            if (!WQL.equals(filter.getAttribute("Dialect"))) {
                throw new SimFault("Sender", "FilterDialectRequestedUnavailable", "The requested filtering dialect"
                        + " is not supported.", filter.getAttribute("Dialect"));
            }
            found = query(filter.getTextContent().trim());
        } else {
            String className = uri.substring(uri.lastIndexOf('/') + 1);
            found = host.select(new SimWql.Select(className, i -> true));
        }
        jobs.advance(found);
        String context = UUID.randomUUID().toString();
        boolean optimize = request != null && SimXml.child(request, "OptimizeEnumeration") != null;
        int max = maxElements(request);
        String mode = request == null ? null : SimXml.text(request, "EnumerationMode");
        if (mode != null && !mode.equals("EnumerateEPR") && !mode.equals("EnumerateObjectAndEPR")) {
            throw new SimFault("Sender", "UnsupportedFeature", "The specified feature is not supported.", mode);
        }
        modes.put(context, mode == null ? "" : mode);
        StringBuilder out = new StringBuilder("<n:EnumerateResponse><n:EnumerationContext>").append(context)
                .append("</n:EnumerationContext>");
        List<SimInstance> rest = new ArrayList<>(found);
        if (optimize) {
            out.append("<w:Items>").append(page(rest, max, modes.get(context))).append("</w:Items>");
            if (rest.isEmpty()) {
                out.append("<w:EndOfSequence/>");
            }
        }
        if (!optimize || !rest.isEmpty()) {
            contexts.put(context, rest);
        } else {
            modes.remove(context);
        }
        return SimXml.envelope(ENUMERATION + "/EnumerateResponse", messageId, out.append("</n:EnumerateResponse>").toString());
    }

    private List<SimInstance> query(String wql) throws SimFault {
        try {
            SimWql.Query q = SimWql.parse(wql);
            return q instanceof SimWql.Select s ? host.select(s) : host.associators((SimWql.Associators) q);
        } catch (SimWql.BadQuery e) {
            throw new SimFault("Sender", "CannotProcessFilter", "The data source could not process the filter. The"
                    + " filter might be missing or it might be invalid.", e.getMessage());
        }
    }

    private String pull(Element request, String messageId) throws SimFault {
        String context = request == null ? null : SimXml.text(request, "EnumerationContext");
        List<SimInstance> rest = context == null ? null : contexts.get(context);
        if (rest == null) {
            throw new SimFault("Receiver", "InvalidEnumerationContext", "The enumeration context supplied in the"
                    + " message is not valid.", String.valueOf(context));
        }
        String items = page(rest, maxElements(request), modes.getOrDefault(context, ""));
        StringBuilder out = new StringBuilder("<n:PullResponse>");
        if (rest.isEmpty()) {
            contexts.remove(context);
            modes.remove(context);
        } else {
            out.append("<n:EnumerationContext>").append(context).append("</n:EnumerationContext>");
        }
        out.append("<n:Items>").append(items).append("</n:Items>");
        if (rest.isEmpty()) {
            out.append("<n:EndOfSequence/>");
        }
        return SimXml.envelope(ENUMERATION + "/PullResponse", messageId, out.append("</n:PullResponse>").toString());
    }

    private String release(Element request, String messageId) {
        String context = request == null ? null : SimXml.text(request, "EnumerationContext");
        if (context != null) {
            contexts.remove(context);
            modes.remove(context);
        }
        return SimXml.envelope(ENUMERATION + "/ReleaseResponse", messageId, "");
    }

    SimMethods methods() {
        return methods;
    }

    /** The next Get of this class answers as if the instance were gone (a test knob). */
    void loseNextGet(String className) {
        lostClass = className;
    }

    /** The next Get of this class is answered with a fault of the WMI service (a test knob). */
    void faultNextGet(String className) {
        faultClass = className;
    }

    int gets() {
        return gets.get();
    }

    private String get(String uri, Map<String, String> selectors, String messageId) throws SimFault {
        gets.incrementAndGet();
        String className = uri.substring(uri.lastIndexOf('/') + 1);
        if (className.equalsIgnoreCase(faultClass)) {
            faultClass = null;
            throw new SimFault("Receiver", "InternalError", "The WS-Management service cannot process the request."
                    + " The WMI service reported that the WMI provider could not perform the requested operation.",
                    "0x80041024");
        }
        SimInstance found = host.find(className, selectors);
        if (className.equalsIgnoreCase(lostClass)) {
            lostClass = null;
            found = null;
        }
        if (found == null) {
            throw new SimFault("Sender", "InvalidSelectors", "The WS-Management service cannot process the request"
                    + " because the request contained invalid selectors for the resource.", uri + " " + selectors);
        }
        jobs.advance(List.of(found));
        return SimXml.envelope("http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse", messageId, found.toXml());
    }

    private String invoke(String action, String uri, Map<String, String> selectors, Element body, String messageId)
            throws Exception {
        if (!action.startsWith(uri + "/")) {
            throw new SimFault("Sender", "ActionNotSupported", "The action is not supported by the service.", action);
        }
        String method = action.substring(uri.length() + 1);
        Element input = SimXml.child(body, method + "_INPUT");
        if (input == null) {
            throw new SimFault("Sender", "InvalidParameter", "The WS-Management service cannot process the request"
                    + " because the method input is missing.", method + "_INPUT");
        }
        return SimXml.envelope(action + "Response", messageId, methods.invoke(uri, selectors, method, input));
    }

    /** Up to {@code max} items: instances, EPRs (EnumerateEPR) or both in {@code w:Item} (EnumerateObjectAndEPR). */
    private static String page(List<SimInstance> rest, int max, String mode) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < max && !rest.isEmpty(); i++) {
            SimInstance instance = rest.remove(0);
            String epr = "<a:EndpointReference>" + SimXml.reference(instance, SimHost.keys(instance.className))
                    + "</a:EndpointReference>";
            out.append(switch (mode) {
                case "EnumerateEPR" -> epr;
                case "EnumerateObjectAndEPR" -> "<w:Item>" + instance.toXml() + epr + "</w:Item>";
                default -> instance.toXml();
            });
        }
        return out.toString();
    }

    private static int maxElements(Element request) {
        String text = request == null ? null : SimXml.text(request, "MaxElements");
        return text == null ? 1 : Math.max(1, Integer.parseInt(text));
    }

    private static Map<String, String> selectors(Element header) {
        Map<String, String> out = new LinkedHashMap<>();
        Element set = SimXml.child(header, "SelectorSet");
        if (set != null) {
            for (Element s : SimXml.children(set)) {
                out.put(s.getAttribute("Name"), s.getTextContent().trim());
            }
        }
        return out;
    }
}

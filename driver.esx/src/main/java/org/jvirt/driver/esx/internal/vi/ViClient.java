package org.jvirt.driver.esx.internal.vi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * One vSphere session ({@code esxVI_Context}): {@code RetrieveServiceContent}, {@code Login},
 * every later call on the session's cookie, {@code Logout}. A call the server refuses with
 * {@code NotAuthenticated} (the session timed out on the server) logs in again once and is
 * repeated, as libvirt's {@code esxVI_EnsureSession} does before its calls. Thread-safe: calls
 * may run concurrently on the one HTTP client.
 */
public final class ViClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ViClient.class);
    private static final MoRef SERVICE_INSTANCE = new MoRef("ServiceInstance", "ServiceInstance");

    private final ViTransport transport;
    private final boolean autoAnswer;
    private ServiceContent service;
    private volatile String user;
    private volatile String password;

    public ViClient(ViTransport transport) {
        this(transport, false);
    }

    /** {@code autoAnswer}: the URI's {@code auto_answer=1}, questions VMs ask during tasks get their default answer. */
    public ViClient(ViTransport transport, boolean autoAnswer) {
        this.transport = transport;
        this.autoAnswer = autoAnswer;
    }

    public boolean autoAnswer() {
        return autoAnswer;
    }

    /** {@code esxVI_Context_Connect}: the service content, then a session for {@code user}. */
    public ServiceContent connect(String user, String password) throws VirtException {
        Element returnval = single("RetrieveServiceContent", SERVICE_INSTANCE, "");
        service = ServiceContent.of(returnval);
        this.user = user;
        this.password = password;
        login();
        LOG.debug("logged in to {} ({}) as {}", transport.url(), service.fullName(), user);
        return service;
    }

    public ServiceContent service() {
        return service;
    }

    /** The session's HTTP side, for datastore file transfers on the same cookie. */
    public ViTransport transport() {
        return transport;
    }

    private void login() throws VirtException {
        try {
            invokeOnce("Login", service.sessionManager(),
                    SoapXml.element("userName", user) + SoapXml.element("password", password));
        } catch (VimFault fault) {
            if ("InvalidLogin".equals(fault.faultType())) {
                throw ViErrors.of(ErrorCode.AUTH_FAILED, "Cannot log in to " + transport.url().getHost()
                        + " as '" + user + "': " + fault.getMessage());
            }
            throw fault;
        }
    }

    /**
     * Calls {@code method} on {@code target} with the parameters' XML; answers its
     * {@code returnval} elements (none for a void method).
     */
    public List<Element> invoke(String method, MoRef target, String parameters) throws VirtException {
        try {
            return invokeOnce(method, target, parameters);
        } catch (VimFault fault) {
            if (!"NotAuthenticated".equals(fault.faultType()) || user == null) {
                throw fault;
            }
            LOG.debug("session at {} expired, logging in again", transport.url());
            login();
            return invokeOnce(method, target, parameters);
        }
    }

    /** {@link #invoke} for a method that answers exactly one value. */
    public Element single(String method, MoRef target, String parameters) throws VirtException {
        List<Element> values = invoke(method, target, parameters);
        if (values.isEmpty()) {
            throw ViErrors.internal("Call to '" + method + "' returned an empty result, expecting a non-empty result");
        }
        if (values.size() > 1) {
            throw ViErrors.internal("Call to '" + method + "' returned a list, expecting exactly one item");
        }
        return values.get(0);
    }

    /** {@link #single} for a method that answers a managed object reference (a task, a filter). */
    public MoRef singleMoRef(String method, MoRef target, String parameters) throws VirtException {
        return MoRef.of(single(method, target, parameters));
    }

    private List<Element> invokeOnce(String method, MoRef target, String parameters) throws VirtException {
        ViTransport.Answer answer = transport.post(method, SoapXml.request(method, target, parameters));
        if (answer.status() != 200 && answer.status() != 500) {
            throw ViErrors.http("HTTP response code " + answer.status() + " for call to '" + method + "'");
        }
        Document doc;
        try {
            doc = SoapXml.parse(answer.body());
        } catch (SAXException | IOException e) {
            throw ViErrors.internal("Malformed response for call to '" + method + "' (HTTP " + answer.status()
                    + "): " + e.getMessage() + preview(answer.body()), e);
        }
        Element body = body(doc, method);
        if (answer.status() == 500) {
            throw fault(body, method);
        }
        Element response = SoapXml.child(body, method + "Response");
        if (response == null || !SoapXml.VIM25.equals(response.getNamespaceURI())) {
            throw ViErrors.internal("XPath evaluation of response for call to '" + method + "' failed");
        }
        return SoapXml.children(response, "returnval");
    }

    private static Element body(Document doc, String method) throws VirtException {
        Element envelope = doc.getDocumentElement();
        Element body = SoapXml.SOAPENV.equals(envelope.getNamespaceURI()) && "Envelope".equals(envelope.getLocalName())
                ? SoapXml.child(envelope, "Body") : null;
        if (body == null) {
            throw ViErrors.internal("Response for call to '" + method + "' is not a SOAP envelope");
        }
        return body;
    }

    private static VirtException fault(Element body, String method) {
        Element fault = SoapXml.child(body, "Fault");
        if (fault == null) {
            return ViErrors.internal("HTTP response code 500 for call to '" + method
                    + "'. Fault is unknown, XPath evaluation failed");
        }
        String code = SoapXml.childText(fault, "faultcode");
        String text = SoapXml.childText(fault, "faultstring");
        if (code == null || text == null) {
            return ViErrors.internal("HTTP response code 500 for call to '" + method
                    + "'. Fault is unknown, deserialization failed");
        }
        String type = "";
        Element detail = SoapXml.child(fault, "detail");
        if (detail != null && !SoapXml.children(detail, null).isEmpty()) {
            Element first = SoapXml.children(detail, null).get(0);
            String xsi = SoapXml.xsiType(first);
            type = xsi != null ? xsi : first.getLocalName();
            if (type.endsWith("Fault")) {
                type = type.substring(0, type.length() - "Fault".length());
            }
        }
        return new VimFault(method, code, text, type);
    }

    private static String preview(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        return text.isEmpty() ? "" : " [" + text + (body.length > 120 ? "..." : "") + "]";
    }

    /**
     * {@code Logout}, then the kept connections closed; failures are logged, as a session that
     * cannot log out is gone anyway.
     */
    @Override
    public void close() {
        if (service != null && user != null) {
            try {
                invokeOnce("Logout", service.sessionManager(), "");
            } catch (VirtException e) {
                LOG.debug("logout from {} failed: {}", transport.url(), e.getMessage());
            }
            user = null;
            password = null;
        }
        transport.close();
    }
}

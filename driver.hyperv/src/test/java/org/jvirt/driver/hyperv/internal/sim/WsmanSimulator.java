package org.jvirt.driver.hyperv.internal.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A WS-Management server on loopback (an ephemeral port) that answers as a Hyper-V host's WinRM
 * service would, from the documentation (see {@link SimHost}, {@link SimProtocol}, {@link SimMethods},
 * {@link SimJobs}): POST {@code /wsman}, SOAP 1.2 ({@code application/soap+xml}), HTTP Basic
 * and NTLM authentication ({@link SimAuth}; 401 with {@code WWW-Authenticate} otherwise), faults with
 * HTTP 500. HTTP, or HTTPS with a given key store. Test knobs make the next answer an arbitrary
 * one (an HTML error page, a huge body) to test the client's handling of broken servers.
 */
public final class WsmanSimulator implements AutoCloseable {
    static final String WMI = "http://schemas.microsoft.com/wbem/wsman/1/wmi/";
    public static final String USER = "administrator";
    public static final String PASSWORD = "Passw0rd!";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    final SimHost host = new SimHost();
    final SimJobs jobs = new SimJobs(host);
    private final SimProtocol protocol = new SimProtocol(host, jobs);
    private final AtomicInteger requests = new AtomicInteger();
    private final SimAuth auth = new SimAuth(USER, PASSWORD);
    private volatile Canned next;
    private volatile Canned always;
    private volatile long delayNextMillis;
    private volatile boolean noV2;
    private volatile int faultAtRequest = -1;
    private volatile int cannedAtRequest = -1;
    private volatile Canned cannedAt;
    private volatile long delayAtMillis;
    /** The action of each request served past the login, in order ("Enumerate", "Get", "DefineSystem"). */
    private final java.util.List<String> actions = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private static final java.util.regex.Pattern ACTION = java.util.regex.Pattern.compile(
            "Action[^>]*>\\s*([^<]*?)\\s*<");

    private record Canned(int status, String contentType, byte[] body) {
    }

    private WsmanSimulator(HttpServer server) {
        this.server = server;
        server.createContext("/wsman", this::serve);
        server.setExecutor(executor);
        server.start();
    }

    public static WsmanSimulator start() throws IOException {
        return new WsmanSimulator(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    }

    /** The simulator on HTTPS, with the key and certificate of a PKCS#12 key store (WinRM's 5986 listener). */
    public static WsmanSimulator startHttps(Path keyStore, char[] password) throws IOException,
            GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, password);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        return new WsmanSimulator(server);
    }

    /**
     * The authentication schemes the listener offers (Basic only until this is called). {@code
     * "Negotiate"} is WinRM's default header for NTLM; {@code "NTLM"} the plain one (curl's
     * {@code --ntlm} starts with it).
     */
    public void offerAuth(String... schemes) {
        java.util.Set<SimAuth.Scheme> set = java.util.EnumSet.noneOf(SimAuth.Scheme.class);
        for (String scheme : schemes) {
            set.add(SimAuth.Scheme.valueOf(scheme.toUpperCase(java.util.Locale.ROOT)));
        }
        auth.offer(set);
    }

    /**
     * A WS-Management server without Hyper-V: requests to {@code root/virtualization/v2} get DSP0226's
     * fault for an unknown resource ({@code wsa:DestinationUnreachable}, detail {@code
     * InvalidResourceURI}; the reason's words are the simulator's).
     */
    public void withoutVirtualizationNamespace() {
        noV2 = true;
    }

    /** The v2 namespace is there, but no host system is in it (the query libvirt's open makes finds none). */
    public void withoutHostSystem() {
        synchronized (host) {
            host.instances.removeIf(i -> i.className.equals("Msvm_ComputerSystem")
                    && "Microsoft Hosting Computer System".equals(i.get("Description")));
        }
    }

    /** How many NTLM logins succeeded (one per TCP connection that authenticated). */
    public int ntlmLogins() {
        return auth.ntlmLogins();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The number of requests served so far. */
    public int requests() {
        return requests.get();
    }

    public int openEnumerations() {
        return protocol.openContexts();
    }

    /** Adds a VM (EnabledState per Msvm_ComputerSystem) and returns its GUID. */
    public String addVm(String name, int enabledState, int vcpus, long memoryMb) {
        return host.addVm(name, enabledState, vcpus, memoryMb).get("Name");
    }

    /** The EnabledState of the VM named {@code name}, or -1 when there is none. */
    public int enabledState(String name) {
        synchronized (host) {
            return host.instances.stream().filter(i -> i.className.equals("Msvm_ComputerSystem")
                    && name.equals(i.get("ElementName"))).mapToInt(i -> (int) i.number("EnabledState"))
                    .findFirst().orElse(-1);
        }
    }

    /** How many instances of {@code className} the host holds. */
    public long count(String className) {
        synchronized (host) {
            return host.instances.stream().filter(i -> i.className.equals(className)).count();
        }
    }

    /** How many instances the host holds in all: a define that was undone leaves it as it was. */
    public int instanceCount() {
        synchronized (host) {
            return (int) host.instances.stream().filter(i -> !i.className.equals("Msvm_ConcreteJob")).count();
        }
    }

    /** The keys typed on the VMs' keyboards, in order ("PressKey 65", "ReleaseKey 65"). */
    public java.util.List<String> typedKeys() {
        return protocol.methods().keys();
    }

    public void failNextJob(String errorDescription) {
        jobs.failNext(errorDescription);
    }

    public void stallJobs(boolean stall) {
        jobs.stall(stall);
    }

    /**
     * The next WS-Transfer Get of an instance of {@code className} is answered with WinRM's fault for
     * an instance that does not exist ({@code w:InvalidSelectors}), as if it had just been deleted.
     */
    public void loseNextGet(String className) {
        protocol.loseNextGet(className);
    }

    /** The next WS-Transfer Get of an instance of {@code className} is answered with a WMI fault. */
    public void faultNextGet(String className) {
        protocol.faultNextGet(className);
    }

    /** How many WS-Transfer Gets were served. */
    public int gets() {
        return protocol.gets();
    }

    /** The next request gets this answer, whatever it asks. */
    public void answerNext(int status, String contentType, byte[] body) {
        next = new Canned(status, contentType, body);
    }

    /** Every request from now on gets this answer (null: back to normal). */
    public void answerAlways(int status, String contentType, byte[] body) {
        always = body == null ? null : new Canned(status, contentType, body);
    }

    /** The next request is answered only after this delay (a server that hangs). */
    public void delayNext(long millis) {
        delayNextMillis = millis;
    }

    /** Request number {@code n} (counting from {@link #requests()} now + 1) is answered with a fault. */
    public void faultAtRequest(int n) {
        faultAtRequest = requests.get() + n;
    }

    /**
     * Request number {@code n} (counting from {@link #requests()} now + 1, past the login) gets this
     * answer instead of its own, or, with {@code delayMillis} above 0, its own answer that late.
     */
    public void answerAtRequest(int n, int status, String contentType, byte[] body, long delayMillis) {
        cannedAt = body == null ? null : new Canned(status, contentType, body);
        delayAtMillis = delayMillis;
        cannedAtRequest = requests.get() + n;
    }

    /** The actions of the requests served so far, past the login: the last segment of each Action URI. */
    public java.util.List<String> actions() {
        synchronized (actions) {
            return java.util.List.copyOf(actions);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] request = in.readAllBytes();
            long delay = delayNextMillis;
            delayNextMillis = 0;
            if (delay > 0) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            Canned canned = next != null ? next : always;
            next = null;
            if (canned != null) {
                send(exchange, canned.status(), canned.contentType(), canned.body());
                return;
            }
            SimAuth.Outcome login = auth.check(exchange.getRemoteAddress(),
                    exchange.getRequestHeaders().getFirst("Authorization"));
            if (!login.ok()) {
                for (String challenge : login.challenges()) {
                    exchange.getResponseHeaders().add("WWW-Authenticate", challenge);
                }
                send(exchange, 401, "text/plain", new byte[0]);
                return;
            }
            // counted once past the login: a request an NTLM handshake or a Basic challenge repeats is one
            int number = requests.incrementAndGet();
            java.util.regex.Matcher action = ACTION.matcher(new String(request, StandardCharsets.UTF_8));
            actions.add(action.find() ? action.group(1).substring(action.group(1).lastIndexOf('/') + 1) : "");
            if (number == cannedAtRequest) {
                cannedAtRequest = -1;
                if (cannedAt != null) {
                    send(exchange, cannedAt.status(), cannedAt.contentType(), cannedAt.body());
                    return;
                }
                try {
                    Thread.sleep(delayAtMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (number == faultAtRequest) {
                send(exchange, 500, "application/soap+xml;charset=UTF-8", new SimFault("Receiver", "InternalError",
                        "The service is stopping.", "injected").toEnvelope().getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain", new byte[0]);
                return;
            }
            if (noV2 && new String(request, StandardCharsets.UTF_8).contains(WMI + "root/virtualization/v2/")) {
                send(exchange, 500, "application/soap+xml;charset=UTF-8", SimXml.fault("Sender",
                        "DestinationUnreachable", "The WS-Management service cannot process the request because"
                        + " the WMI namespace root/virtualization/v2 does not exist on this host.",
                        "InvalidResourceURI").replace("w:DestinationUnreachable", "a:DestinationUnreachable")
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            String answer;
            int status = 200;
            try {
                answer = protocol.handle(SimXml.parse(new String(request, StandardCharsets.UTF_8)).getDocumentElement());
            } catch (SimFault fault) {
                answer = fault.toEnvelope();
                status = 500;
            } catch (Exception e) {
                answer = new SimFault("Sender", "SchemaValidationError", "The SOAP XML in the message does not"
                        + " match the corresponding XML schema definition.", String.valueOf(e)).toEnvelope();
                status = 500;
            }
            send(exchange, status, "application/soap+xml;charset=UTF-8", answer.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

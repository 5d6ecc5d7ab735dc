package org.jvirt.driver.qemu.internal.qmp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A QMP monitor connection over QEMU's UNIX socket: reads the greeting, negotiates
 * capabilities, runs commands with a per-command timeout and delivers events in order on one
 * event thread. Every message is bounded in size. Thread-safe: commands may be sent from any
 * thread; replies are matched by {@code id}. A command can carry a descriptor
 * ({@link #executeWithFd}, for {@code getfd}), so the socket is a {@link UnixStream}.
 */
public final class QmpClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QmpClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final UnixStream channel;
    private final JsonLineReader reader;
    private final QmpListener listener;
    private final Duration defaultTimeout;
    private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Queue<EventWatch> watches = new ConcurrentLinkedQueue<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean closeRequested = new AtomicBoolean();
    private final ExecutorService events;
    private final Object writeLock = new Object();
    private final CompletableFuture<JsonNode> greetingFuture = new CompletableFuture<>();
    private volatile JsonNode greeting;

    private QmpClient(String name, UnixStream channel, int maxMessageBytes, QmpListener listener,
                      Duration defaultTimeout) {
        this.name = name;
        this.channel = channel;
        this.reader = new JsonLineReader(channel, maxMessageBytes);
        this.listener = listener;
        this.defaultTimeout = defaultTimeout;
        this.events = Executors.newSingleThreadExecutor(r -> daemon(r, "qmp-events-" + name));
    }

    /**
     * Connects to the monitor socket, retrying until {@code connectTimeout} passes or
     * {@code stillWorthTrying} says the emulator has gone, then negotiates capabilities.
     *
     * @param name             the guest's name, for thread names and logs
     * @param maxMessageBytes  the largest reply or event accepted
     * @param commandTimeout   the timeout of commands sent without an explicit one
     */
    public static QmpClient connect(String name, Path socket, Duration connectTimeout, BooleanSupplier stillWorthTrying,
                                    int maxMessageBytes, Duration commandTimeout, QmpListener listener)
            throws QmpException {
        long deadline = System.nanoTime() + connectTimeout.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline && stillWorthTrying.getAsBoolean()) {
            UnixStream ch = null;
            try {
                ch = UnixStream.connect(socket);
                QmpClient client = new QmpClient(name, ch, maxMessageBytes, listener, commandTimeout);
                ch = null;
                client.start();
                return client;
            } catch (IOException e) {
                last = e;
                closeQuietly(ch);
                sleep(10);
            }
        }
        throw new QmpException("qmp_capabilities", QmpException.CLOSED, "cannot connect to monitor socket "
                + socket + (last == null ? "" : ": " + last.getMessage()));
    }

    private void start() throws QmpException {
        daemon(this::readLoop, "qmp-reader-" + name).start();
        try {
            // the greeting comes first, before any command may be sent
            greeting = greetingFuture.get(defaultTimeout.toMillis(), TimeUnit.MILLISECONDS);
            execute("qmp_capabilities", null);
        } catch (QmpException e) {
            close();
            throw e;
        } catch (TimeoutException | ExecutionException e) {
            close();
            throw new QmpException("qmp_capabilities", QmpException.PROTOCOL, "no QMP greeting: "
                    + (e.getCause() == null ? "timeout" : e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new QmpException("qmp_capabilities", QmpException.CLOSED, "interrupted");
        }
    }

    /** QEMU's version from the greeting, e.g. {@code {"qemu":{"major":7,...},"package":...}}. */
    public JsonNode version() {
        return greeting == null ? null : greeting.path("version");
    }

    public JsonNode execute(String command, ObjectNode arguments) throws QmpException {
        return execute(command, arguments, defaultTimeout);
    }

    /**
     * Runs a command and returns its {@code return} value.
     *
     * @throws QmpException QEMU's error, a timeout (the late reply is then dropped) or a closed monitor
     */
    public JsonNode execute(String command, ObjectNode arguments, Duration timeout) throws QmpException {
        return send(command, arguments, timeout, -1);
    }

    /**
     * Runs a command whose bytes carry descriptor {@code fd} ({@code SCM_RIGHTS}), as {@code getfd}
     * and {@code add-fd} need; the caller keeps (and closes) its own copy.
     */
    public JsonNode executeWithFd(String command, ObjectNode arguments, int fd) throws QmpException {
        return send(command, arguments, defaultTimeout, fd);
    }

    private JsonNode send(String command, ObjectNode arguments, Duration timeout, int fd) throws QmpException {
        if (closed.get()) {
            throw new QmpException(command, QmpException.CLOSED, "monitor is closed");
        }
        String id = "jvirt-" + ids.incrementAndGet();
        ObjectNode msg = JSON.createObjectNode().put("execute", command);
        if (arguments != null) {
            msg.set("arguments", arguments);
        }
        msg.put("id", id);
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        try {
            byte[] bytes = (msg.toString() + "\n").getBytes(StandardCharsets.UTF_8);
            synchronized (writeLock) {
                if (fd >= 0) {
                    channel.writeWithFd(bytes, fd);
                } else {
                    channel.write(ByteBuffer.wrap(bytes));
                }
            }
            LOG.debug("{}: sent {}", name, command);
            JsonNode r = reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (r.has("error")) {
                JsonNode err = r.get("error");
                throw new QmpException(command, err.path("class").asText("GenericError"), err.path("desc").asText(""));
            }
            return r.path("return");
        } catch (IOException e) {
            throw new QmpException(command, QmpException.CLOSED, "cannot write to monitor: " + e.getMessage());
        } catch (TimeoutException e) {
            throw new QmpException(command, QmpException.TIMEOUT, "no reply within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw new QmpException(command, QmpException.CLOSED, e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QmpException(command, QmpException.CLOSED, "interrupted");
        } finally {
            pending.remove(id);
        }
    }

    /**
     * Watches for the next event {@code event} whose data {@code data} accepts. The reader thread
     * completes the future as the event arrives, so a caller holding a domain's lock can wait for
     * it (the listener's copy of the event waits for that lock); the future completes exceptionally
     * if the monitor closes. Register before sending the command that causes the event, and
     * {@code cancel} the future when giving up on it.
     */
    public CompletableFuture<JsonNode> watch(String event, Predicate<JsonNode> data) {
        EventWatch w = new EventWatch(event, data, new CompletableFuture<>());
        watches.add(w);
        w.future().whenComplete((r, e) -> watches.remove(w));
        if (closed.get()) {
            w.future().completeExceptionally(new IOException("monitor closed"));
        }
        return w.future();
    }

    private record EventWatch(String event, Predicate<JsonNode> data, CompletableFuture<JsonNode> future) {
    }

    private void readLoop() {
        String why = "end of stream";
        try {
            String first = reader.readLine();
            JsonNode g = first == null ? null : parse(first);
            if (g == null || !g.has("QMP")) {
                throw new IOException(first == null ? "monitor closed before its greeting"
                        : "not a QMP greeting: " + abbreviate(first));
            }
            greetingFuture.complete(g.get("QMP"));
            String line;
            while ((line = reader.readLine()) != null) {
                dispatch(line);
            }
        } catch (IOException e) {
            why = e.getMessage();
        }
        shutdown(why);
    }

    private void dispatch(String line) {
        JsonNode msg = parse(line);
        if (msg == null) {
            LOG.warn("{}: ignoring a monitor message that is not JSON: {}", name, abbreviate(line));
            return;
        }
        if (msg.has("event")) {
            String event = msg.get("event").asText();
            JsonNode data = msg.has("data") ? msg.get("data") : JSON.createObjectNode();
            LOG.debug("{}: event {}", name, event);
            for (EventWatch w : watches) {
                if (w.event().equals(event) && w.data().test(data)) {
                    w.future().complete(data);
                }
            }
            try {
                events.execute(() -> deliver(event, data));
            } catch (RejectedExecutionException e) {
                // the client was closed meanwhile: nobody listens any more
                LOG.debug("{}: event {} after close dropped", name, event);
            }
            return;
        }
        JsonNode id = msg.get("id");
        CompletableFuture<JsonNode> f = id == null ? null : pending.get(id.asText());
        if (f != null) {
            f.complete(msg);
        } else {
            LOG.debug("{}: dropping a reply nobody waits for: {}", name, abbreviate(line));
        }
    }

    private void deliver(String event, JsonNode data) {
        try {
            listener.onEvent(event, data);
        } catch (RuntimeException e) {
            LOG.warn("{}: event listener failed on {}", name, event, e);
        }
    }

    private void shutdown(String why) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closeQuietly(channel);
        greetingFuture.completeExceptionally(new IOException(why));
        pending.values().forEach(f -> f.completeExceptionally(new IOException("monitor closed: " + why)));
        watches.forEach(w -> w.future().completeExceptionally(new IOException("monitor closed: " + why)));
        boolean requested = closeRequested.get();
        LOG.debug("{}: monitor closed ({})", name, requested ? "requested" : why);
        events.execute(() -> {
            try {
                listener.onClose(requested);
            } catch (RuntimeException e) {
                LOG.warn("{}: close listener failed", name, e);
            }
        });
        events.shutdown();
    }

    public boolean isClosed() {
        return closed.get();
    }

    /** Closes the connection; QEMU keeps running. Idempotent. */
    @Override
    public void close() {
        closeRequested.set(true);
        shutdown("closed by the driver");
    }

    private static JsonNode parse(String line) {
        try {
            JsonNode n = JSON.readTree(line);
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    public static ObjectNode args() {
        return JSON.createObjectNode();
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static void closeQuietly(UnixStream ch) {
        if (ch != null) {
            ch.close();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

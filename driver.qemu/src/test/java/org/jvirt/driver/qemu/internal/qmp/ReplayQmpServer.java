package org.jvirt.driver.qemu.internal.qmp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A fake QEMU monitor replaying a libvirt {@code .replies}-style recording (commands and replies
 * alternating): each command received must be the next recorded one (same name; same arguments
 * for {@code device_add}), else the client gets an error, as in libvirt's mock monitor.
 */
public final class ReplayQmpServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServerSocketChannel server;
    private final List<JsonNode[]> script = new ArrayList<>();
    private final List<String> mismatches = new ArrayList<>();
    private int next;
    private final Thread thread;

    public ReplayQmpServer(Path recording, Path socket) throws IOException {
        try (MappingIterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(Files.readString(recording))) {
            List<JsonNode> all = it.readAll();
            for (int i = 0; i + 1 < all.size(); i += 2) {
                script.add(new JsonNode[] {all.get(i), all.get(i + 1)});
            }
        }
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        thread = new Thread(this::serve, "replay-qmp");
        thread.setDaemon(true);
        thread.start();
    }

    private void serve() {
        try (SocketChannel ch = server.accept()) {
            OutputStream out = Channels.newOutputStream(ch);
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch),
                    StandardCharsets.UTF_8));
            send(out, "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 0, \"minor\": 2, \"major\": 7}}, "
                    + "\"capabilities\": []}}");
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode cmd = JSON.readTree(line);
                String id = cmd.path("id").asText();
                String name = cmd.path("execute").asText();
                if (name.equals("qmp_capabilities")) {
                    send(out, "{\"return\": {}, \"id\": \"" + id + "\"}");
                    continue;
                }
                JsonNode[] step = next < script.size() ? script.get(next) : null;
                String problem = step == null ? "unexpected command " + name
                        : !step[0].path("execute").asText().equals(name) ? "expected " + step[0].path("execute")
                        + ", got " + name
                        : name.equals("device_add") && !step[0].path("arguments").equals(cmd.path("arguments"))
                        ? "device_add arguments " + cmd.path("arguments") + " differ from " + step[0].path("arguments")
                        : null;
                if (problem != null) {
                    synchronized (mismatches) {
                        mismatches.add(problem);
                    }
                    send(out, "{\"error\": {\"class\": \"GenericError\", \"desc\": \"" + problem.replace("\"", "'")
                            + "\"}, \"id\": \"" + id + "\"}");
                    continue;
                }
                next++;
                ObjectNode reply = ((ObjectNode) step[1].deepCopy()).put("id", id);
                send(out, reply.toString());
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void send(OutputStream out, String msg) throws IOException {
        out.write((msg + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Recorded steps not used yet. */
    public int unused() {
        return script.size() - next;
    }

    public List<String> mismatches() {
        synchronized (mismatches) {
            return List.copyOf(mismatches);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        thread.interrupt();
    }
}

package org.jvirt.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Connection;
import org.jvirt.api.ConnectionFactory;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Network;
import org.jvirt.api.NetworkPort;
import org.jvirt.api.VirtException;

/**
 * virt:net-port-list / -create / -dumpxml / -delete over the public API (a network of ports in memory
 * behind it, the real driver's ports are NetworkPortTest's): virsh 9.0's output, sorting and messages.
 */
class NetworkPortCommandsTest {
    private static final UUID A = UUID.fromString("0a7e3c6b-0000-4000-8000-000000000001");
    private static final UUID B = UUID.fromString("05d1f2a3-0000-4000-8000-000000000002");

    @TempDir
    Path dir;
    private final Map<UUID, String> ports = new LinkedHashMap<>();
    private final List<Integer> createFlags = new ArrayList<>();

    @Test
    void portCommandsAsVirsh() throws Exception {
        NetworkPortCommands commands = new NetworkPortCommands(factory());
        Path file = dir.resolve("port.xml");
        Files.writeString(file, "<networkport><uuid>" + A + "</uuid></networkport>");
        assertEquals(List.of("true", "Network port " + A + " created from " + file + "\n\n", ""),
                run(commands, "net-port-create", "lab", file.toString(), "--validate"));
        assertEquals(List.of(2), createFlags, "--validate is VIR_NETWORK_PORT_CREATE_VALIDATE");
        Files.writeString(file, "<networkport><uuid>" + B + "</uuid></networkport>");
        run(commands, "net-port-create", "lab", file.toString());
        assertEquals(List.of("true", " UUID\n" + "-".repeat(39) + "\n " + B + "\n " + A + "\n\n", ""),
                run(commands, "net-port-list", "lab"), "sorted by UUID, as virsh");
        assertEquals(List.of("true", B + "\n" + A + "\n\n", ""), run(commands, "net-port-list", "lab", "--uuid"));
        assertEquals(List.of("false", "\n", "error: Options --table and --uuid are mutually exclusive\n"),
                run(commands, "net-port-list", "lab", "--uuid", "--table"));
        assertEquals(List.of("true", "<networkport><uuid>" + A + "</uuid></networkport>\n\n", ""),
                run(commands, "net-port-dumpxml", "lab", A.toString()));
        assertEquals(List.of("true", "Network port " + A + " deleted\n\n", ""),
                run(commands, "net-port-delete", "lab", A.toString()));
        assertEquals(List.of("false", "\n", "error: failed to get network port '" + A + "'\n"
                + "error: network port not found: Network port with UUID " + A + " does not exist\n"),
                run(commands, "net-port-dumpxml", "lab", A.toString()));
        assertEquals(List.of("false", "\n", "error: failed to get network port 'nope'\nerror: invalid argument: "
                + "uuidstr in virNetworkPortLookupByUUIDString must be a valid UUID\n"),
                run(commands, "net-port-delete", "lab", "nope"));
        Files.writeString(file, "<bad/>");
        assertEquals(List.of("false", "\n", "error: Failed to create network from " + file
                + "\nerror: XML error: unexpected root element <bad>, expecting <networkport>\n"),
                run(commands, "net-port-create", "lab", file.toString()));
    }

    private static List<String> run(NetworkPortCommands commands, String command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 2];
        all[0] = "-c";
        all[1] = "network:///system";
        System.arraycopy(args, 0, all, 2, args.length);
        boolean ok = commands.run(command, all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return List.of(String.valueOf(ok), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private ConnectionFactory factory() {
        Network lab = proxy(Network.class, (m, a) -> switch (m) {
            case "name" -> "lab";
            case "listAllPorts" -> ports.keySet().stream().map(this::port).toList();
            case "lookupPortByUuid" -> {
                if (!ports.containsKey((UUID) a[0])) {
                    throw new VirtException(ErrorCode.NO_NETWORK_PORT, ErrorDomain.NETWORK, "Network port with UUID "
                            + a[0] + " does not exist");
                }
                yield port((UUID) a[0]);
            }
            case "createPort" -> {
                String xml = (String) a[0];
                if (!xml.startsWith("<networkport>")) {
                    throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.NETWORK,
                            "unexpected root element <bad>, expecting <networkport>");
                }
                createFlags.add((Integer) a[1]);
                UUID id = UUID.fromString(xml.substring(xml.indexOf("<uuid>") + 6, xml.indexOf("</uuid>")));
                ports.put(id, xml);
                yield port(id);
            }
            default -> throw new UnsupportedOperationException(m);
        });
        Connection conn = proxy(Connection.class, (m, a) -> switch (m) {
            case "lookupNetworkByName" -> lab;
            case "close" -> null;
            default -> throw new UnsupportedOperationException(m);
        });
        return proxy(ConnectionFactory.class, (m, a) -> m.equals("open") ? conn : null);
    }

    private NetworkPort port(UUID id) {
        return proxy(NetworkPort.class, (m, a) -> switch (m) {
            case "uuid" -> id;
            case "xmlDesc" -> ports.get(id) + "\n";
            case "delete" -> ports.remove(id);
            default -> throw new UnsupportedOperationException(m);
        });
    }

    interface Call {
        Object answer(String method, Object[] args) throws Exception;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Call call) {
        return (T) Proxy.newProxyInstance(NetworkPortCommandsTest.class.getClassLoader(), new Class<?>[] {type},
                (p, m, a) -> call.answer(m.getName(), a));
    }
}

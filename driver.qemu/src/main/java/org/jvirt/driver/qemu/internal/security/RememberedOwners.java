package org.jvirt.driver.qemu.internal.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import org.jvirt.api.VirtException;
import org.jvirt.api.spi.RecordKind;
import org.jvirt.api.spi.StateStore;
import org.jvirt.driver.qemu.internal.QemuErrors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The owners files had before the DAC driver gave them to a guest (libvirt's remember_owner),
 * and which running guests use each file (libvirt's refcount), so that a file shared by guests
 * goes back to its owner only when the last of them stops.
 *
 * <p>libvirt keeps this in extended attributes ({@code trusted.libvirt.security.dac} and
 * {@code ref_dac}); the JDK reaches only the {@code user.} namespace, which also does not apply to
 * device nodes, so jvirt keeps one state-store record a file instead (driver {@code <store>-dac},
 * key the SHA-256 of the path): atomic, and read back by a restarted daemon. It names the guests
 * (UUIDs) rather than counting them, so a start that fails half-way or a stop that runs twice
 * cannot unbalance it.
 */
final class RememberedOwners {
    /**
     * The driver creates this class at activation, before any guest needs it: the mapper (and the
     * ~370 Jackson classes an ObjectMapper loads) is made at the first record read or written, so
     * that a daemon start without guests does not load Jackson (bench/footprint.py, issue 9).
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private final StateStore store;
    private final String driver;

    RememberedOwners(StateStore store, String storeDriver) {
        this.store = store;
        this.driver = storeDriver + "-dac";
    }

    /**
     * Records that {@code guest} uses {@code path}, whose owner is {@code current} unless a
     * record already holds the original owner.
     *
     * @return how many guests use the file now, this one included
     */
    synchronized int remember(String path, DacLabel current, UUID guest) throws VirtException {
        Optional<ObjectNode> rec = read(path);
        ObjectNode r = rec.orElseGet(() -> {
            ObjectNode n = Json.MAPPER.createObjectNode();
            n.put("path", path);
            n.put("owner", current.toString());
            n.putArray("guests");
            return n;
        });
        TreeSet<String> guests = guests(r);
        guests.add(guest.toString());
        write(path, r, guests);
        return guests.size();
    }

    /**
     * Records that {@code guest} no longer uses {@code path}.
     *
     * @return the owner to restore when no guest uses the file any more; empty while others do,
     *         or when nothing was remembered for this guest
     */
    synchronized Optional<String> recall(String path, UUID guest) throws VirtException {
        Optional<ObjectNode> rec = read(path);
        if (rec.isEmpty()) {
            return Optional.empty();
        }
        TreeSet<String> guests = guests(rec.get());
        if (!guests.remove(guest.toString())) {
            return Optional.empty();
        }
        if (!guests.isEmpty()) {
            write(path, rec.get(), guests);
            return Optional.empty();
        }
        store.delete(driver, RecordKind.STATUS, key(path));
        return Optional.of(rec.get().path("owner").asText());
    }

    private Optional<ObjectNode> read(String path) throws VirtException {
        Optional<byte[]> raw = store.read(driver, RecordKind.STATUS, key(path));
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode n = Json.MAPPER.readTree(raw.get());
            return n instanceof ObjectNode o && path.equals(o.path("path").asText()) ? Optional.of(o) : Optional.empty();
        } catch (IOException e) {
            throw QemuErrors.internal("cannot read the remembered owner of " + path + ": " + e.getMessage(), e);
        }
    }

    private void write(String path, ObjectNode r, TreeSet<String> guests) throws VirtException {
        ArrayNode a = r.putArray("guests");
        guests.forEach(a::add);
        try {
            store.write(driver, RecordKind.STATUS, key(path), Json.MAPPER.writeValueAsBytes(r));
        } catch (IOException e) {
            throw QemuErrors.internal("cannot record the owner of " + path + ": " + e.getMessage(), e);
        }
    }

    private static TreeSet<String> guests(JsonNode r) {
        TreeSet<String> out = new TreeSet<>();
        r.path("guests").forEach(g -> out.add(g.asText()));
        return out;
    }

    static String key(String path) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(path.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

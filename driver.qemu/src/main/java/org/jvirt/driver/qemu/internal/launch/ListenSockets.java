package org.jvirt.driver.qemu.internal.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.CharDevice;
import org.jvirt.api.xml.CharSource;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.driver.qemu.internal.QemuErrors;
import org.jvirt.driver.qemu.internal.process.UnixListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listening UNIX sockets a guest's definition names ({@code <serial>}, {@code <parallel>},
 * {@code <channel>} and virtio {@code <console>} of type {@code unix} with {@code mode='bind'}),
 * bound by the driver before QEMU starts and handed to it as descriptors, as libvirt 9.0's
 * qemuProcessPrepareHostBackendChardev does ({@code -chardev socket,fd=N,server=on,wait=off}):
 * QEMU, running as the guest's user, then needs no write access to the socket's folder. The
 * driver's copies close once QEMU has inherited them; the socket files are removed when the guest
 * stops (libvirt's qemuProcessCleanupChardevDevice). Sockets without a path (automatic channels)
 * and the QMP monitor are still bound by QEMU, in folders the driver gives to the guest's user.
 */
public final class ListenSockets implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ListenSockets.class);

    private final Map<String, Integer> fds = new LinkedHashMap<>();
    private final int first;

    private ListenSockets(int first) {
        this.first = first;
    }

    /** No sockets. */
    public static ListenSockets none() {
        return new ListenSockets(3);
    }

    /**
     * Binds every listening socket of {@code live}; they will be QEMU's descriptors {@code first},
     * {@code first + 1}, ... On failure nothing is left: the sockets made so far are closed and removed.
     */
    public static ListenSockets open(DomainDef live, int first) throws VirtException {
        ListenSockets s = new ListenSockets(first);
        for (String path : paths(live)) {
            try {
                s.fds.put(path, UnixListener.listen(path));
            } catch (IOException e) {
                s.close();
                remove(live);
                throw QemuErrors.system(e.getMessage());
            }
        }
        return s;
    }

    /** The socket paths of {@code def} the driver binds, in command-line order, each once. */
    public static Set<String> paths(DomainDef def) {
        Set<String> out = new LinkedHashSet<>();
        if (def == null || def.devices() == null) {
            return out;
        }
        for (CharDevice c : def.devices().charDevices()) {
            CharSource src = c.source();
            if (!"unix".equals(c.type()) || src == null || src.path() == null || !"bind".equals(src.mode())) {
                continue;
            }
            // a console that is not virtio is the serial port's, which has its own backend
            if ("console".equals(c.elementName()) && (c.target() == null || !"virtio".equals(c.target().type()))) {
                continue;
            }
            out.add(src.path());
        }
        return out;
    }

    /** Removes the socket files of {@code def} (a stopped guest's); never throws. */
    public static void remove(DomainDef def) {
        for (String path : paths(def)) {
            try {
                Files.deleteIfExists(Path.of(path));
            } catch (IOException | RuntimeException e) {
                LOG.warn("cannot remove socket {}: {}", path, e.toString());
            }
        }
    }

    /** This process's descriptors, in the order QEMU gets them. */
    public synchronized List<Integer> descriptors() {
        return new ArrayList<>(fds.values());
    }

    /** Each socket path's descriptor number in QEMU. */
    public synchronized Map<String, Integer> inChild() {
        Map<String, Integer> out = new LinkedHashMap<>();
        int n = first;
        for (String path : fds.keySet()) {
            out.put(path, n++);
        }
        return out;
    }

    /** The socket files made, for labelling. */
    public synchronized List<Path> files() {
        return fds.keySet().stream().map(Path::of).toList();
    }

    /** Closes the driver's copies (QEMU keeps its own). */
    @Override
    public synchronized void close() {
        fds.values().forEach(UnixListener::close);
        fds.clear();
    }
}

package org.jvirt.driver.qemu.internal.net;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tap descriptors the driver opened for one start, in the order QEMU will get them: the
 * i-th is descriptor {@code 3 + i} in QEMU ({@link org.jvirt.driver.qemu.internal.process.QemuProcesses#spawnHeld}).
 * The driver's own copies are closed once QEMU has inherited them, or when the start fails (the
 * taps, not persistent, then go away).
 */
public final class TapFds implements AutoCloseable {
    private final Map<String, Integer> fds = new LinkedHashMap<>();

    synchronized void add(String tap, int fd) {
        fds.put(tap, fd);
    }

    /** This process's descriptors, in order. */
    public synchronized List<Integer> descriptors() {
        return new ArrayList<>(fds.values());
    }

    /** Each tap's descriptor number in QEMU. */
    public synchronized Map<String, Integer> inChild() {
        Map<String, Integer> out = new LinkedHashMap<>();
        int n = 3;
        for (String tap : fds.keySet()) {
            out.put(tap, n++);
        }
        return out;
    }

    @Override
    public synchronized void close() {
        fds.values().forEach(TunDevice::close);
        fds.clear();
    }
}

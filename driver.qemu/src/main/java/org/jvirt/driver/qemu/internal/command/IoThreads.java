package org.jvirt.driver.qemu.internal.command;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jvirt.api.xml.DefaultIoThread;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.IoThread;

/** {@code <iothreads>}/{@code <iothreadids>}: the id list libvirt completes, and the iothread objects. */
final class IoThreads {
    private IoThreads() {
    }

    /** virDomainIOThreadIDDefArrayInit: ids for every iothread the count asks for. */
    static DomainDef complete(DomainDef def) {
        int n = def.iothreads() == null ? 0 : def.iothreads();
        List<IoThread> existing = def.iothreadIds();
        // without <iothreadids> libvirt numbers them 1..n and does not write the list out
        if (existing.isEmpty() || existing.size() >= n) {
            return def;
        }
        Set<Integer> used = new HashSet<>();
        existing.forEach(e -> used.add(e.id()));
        List<IoThread> added = new ArrayList<>(existing);
        for (int id = 1; added.size() < n; id++) {
            if (!used.contains(id)) {
                added.add(IoThread.builder().id(id).build());
            }
        }
        return def.withIothreadIds(added);
    }

    /** One {@code iothread} object per id, with pool sizes and polling settings. */
    static void objects(DomainDef def, Argv a) {
        List<IoThread> list = new ArrayList<>(def.iothreadIds());
        if (list.isEmpty()) {
            int n = def.iothreads() == null ? 0 : def.iothreads();
            for (int i = 1; i <= n; i++) {
                list.add(IoThread.builder().id(i).build());
            }
        }
        for (IoThread t : list) {
            Json j = Json.object().put("qom-type", "iothread").put("id", "iothread" + t.id());
            num(j, "thread-pool-min", t.threadPoolMin());
            num(j, "thread-pool-max", t.threadPoolMax());
            num(j, "poll-max-ns", t.pollMaxNs());
            num(j, "poll-grow", t.pollGrow());
            num(j, "poll-shrink", t.pollShrink());
            a.object(j);
        }
        DefaultIoThread main = def.defaultIoThread();
        if (main != null) {
            Json j = Json.object().put("qom-type", "main-loop").put("id", "main-loop");
            num(j, "thread-pool-min", main.threadPoolMin());
            num(j, "thread-pool-max", main.threadPoolMax());
            a.object(j);
        }
    }

    private static void num(Json j, String key, Number v) {
        if (v != null) {
            j.put(key, v.longValue());
        }
    }
}

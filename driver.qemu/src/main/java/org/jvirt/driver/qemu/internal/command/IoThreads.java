package org.jvirt.driver.qemu.internal.command;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.Preserved;
import org.jvirt.api.xml.XmlAttribute;
import org.jvirt.api.xml.XmlElement;

/** {@code <iothreads>}/{@code <iothreadids>}: the id list libvirt completes, and the iothread objects. */
final class IoThreads {
    private IoThreads() {
    }

    private static XmlElement other(DomainDef def, String name) {
        for (XmlElement e : def.other().children()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }

    /** virDomainIOThreadIDDefArrayInit: ids for every iothread the count asks for. */
    static DomainDef complete(DomainDef def) {
        XmlElement count = other(def, "iothreads");
        if (count == null || count.text() == null) {
            return def;
        }
        int n = Integer.parseInt(count.text().trim());
        XmlElement ids = other(def, "iothreadids");
        List<XmlElement> existing = ids == null ? List.of() : ids.children("iothread");
        // without <iothreadids> libvirt numbers them 1..n and does not write the list out
        if (ids == null || existing.size() >= n) {
            return def;
        }
        Set<String> used = new HashSet<>();
        existing.forEach(e -> used.add(e.attribute("id")));
        List<XmlElement> added = new ArrayList<>(existing);
        for (int id = 1; added.size() < n; id++) {
            if (!used.contains(Integer.toString(id))) {
                added.add(new XmlElement("iothread", List.of(new XmlAttribute("id", Integer.toString(id))), List.of(),
                        null));
            }
        }
        XmlElement newIds = new XmlElement("iothreadids", List.of(), added, null);
        List<XmlElement> children = new ArrayList<>();
        boolean placed = false;
        for (XmlElement e : def.other().children()) {
            if (e.name().equals("iothreadids")) {
                children.add(newIds);
                placed = true;
            } else {
                children.add(e);
            }
        }
        if (!placed) {
            children.add(newIds);
        }
        return def.withOther(new Preserved(def.other().attributes(), children));
    }

    /** One {@code iothread} object per id, with pool sizes and polling settings. */
    static void objects(DomainDef def, Argv a) {
        XmlElement ids = other(def, "iothreadids");
        List<XmlElement> list = new ArrayList<>(ids == null ? List.of() : ids.children("iothread"));
        if (list.isEmpty()) {
            XmlElement count = other(def, "iothreads");
            int n = count == null || count.text() == null ? 0 : Integer.parseInt(count.text().trim());
            for (int i = 1; i <= n; i++) {
                list.add(new XmlElement("iothread", List.of(new XmlAttribute("id", Integer.toString(i))), List.of(),
                        null));
            }
        }
        for (XmlElement t : list) {
            Json j = Json.object().put("qom-type", "iothread").put("id", "iothread" + t.attribute("id"));
            num(j, "thread-pool-min", t.attribute("thread_pool_min"));
            num(j, "thread-pool-max", t.attribute("thread_pool_max"));
            XmlElement poll = t.child("poll");
            if (poll != null) {
                num(j, "poll-max-ns", poll.attribute("max"));
                num(j, "poll-grow", poll.attribute("grow"));
                num(j, "poll-shrink", poll.attribute("shrink"));
            }
            a.object(j);
        }
        XmlElement main = other(def, "defaultiothread");
        if (main != null) {
            Json j = Json.object().put("qom-type", "main-loop").put("id", "main-loop");
            num(j, "thread-pool-min", main.attribute("thread_pool_min"));
            num(j, "thread-pool-max", main.attribute("thread_pool_max"));
            a.object(j);
        }
    }

    private static void num(Json j, String key, String v) {
        if (v != null) {
            j.put(key, Long.parseLong(v));
        }
    }
}

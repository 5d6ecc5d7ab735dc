package org.jvirt.xml.internal;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.IothreadQueues;

/**
 * {@code <iothreads>} inside a virtio disk's or controller's {@code <driver>}, as libvirt's
 * virDomainIothreadMappingDefParse and virDomainIothreadMappingDefFormat.
 */
final class IothreadQueuesCodec {
    private IothreadQueuesCodec() {
    }

    /** The mapping under {@code driver}, empty when it has no {@code <iothreads>}. */
    static List<IothreadQueues> parse(Node driver) throws VirtException {
        Node threads = driver.child("iothreads");
        if (threads == null) {
            return List.of();
        }
        List<IothreadQueues> out = new ArrayList<>();
        for (Node t : threads.children("iothread")) {
            List<Integer> queues = new ArrayList<>();
            for (Node q : t.children("queue")) {
                queues.add(required(q, "id"));
            }
            out.add(new IothreadQueues(required(t, "id"), queues));
        }
        return out;
    }

    private static int required(Node n, String attr) throws VirtException {
        Integer v = Num.uint(n, attr);
        if (v == null) {
            throw XmlErrors.xml("Missing required attribute '" + attr + "' in element '" + n.element().name() + "'");
        }
        return v;
    }

    /** Adds {@code <iothreads>} to {@code driver} when there is a mapping. */
    static void format(Out driver, List<IothreadQueues> mapping) {
        if (mapping.isEmpty()) {
            return;
        }
        Out threads = new Out("iothreads");
        for (IothreadQueues t : mapping) {
            Out thread = new Out("iothread").attr("id", t.id());
            for (int q : t.queues()) {
                thread.child(new Out("queue").attr("id", q));
            }
            threads.child(thread);
        }
        driver.child(threads);
    }
}

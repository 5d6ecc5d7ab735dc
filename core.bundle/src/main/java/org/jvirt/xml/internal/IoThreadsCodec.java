package org.jvirt.xml.internal;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DefaultIoThread;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.IoThread;
import org.jvirt.api.xml.IoThreadBuilder;

/**
 * {@code <iothreads>}, {@code <iothreadids>} and {@code <defaultiothread>} (virDomainDefParseIOThreads,
 * virDomainDefIOThreadsFormat). The count is at least the number of listed ids.
 */
final class IoThreadsCodec {
    private IoThreadsCodec() {
    }

    static Integer count(Node d, int listed) throws VirtException {
        String text = d.childText("iothreads");
        Integer count = null;
        if (text != null) {
            Long v = Num.parse(text.trim(), 10);
            if (v == null || v < 0 || v > 0xFFFF_FFFFL) {
                throw XmlErrors.xml("invalid iothreads count '" + text + "'");
            }
            count = (int) (long) v;
        }
        if (listed > 0 && (count == null || count < listed)) {
            count = listed;
        }
        return count;
    }

    static List<IoThread> ids(Node ids) throws VirtException {
        List<IoThread> out = new ArrayList<>();
        if (ids == null) {
            return out;
        }
        for (Node t : ids.children("iothread")) {
            Integer id = Num.uint(t, "id");
            if (id == null) {
                throw XmlErrors.xml("Missing required attribute 'id' in element 'iothread'");
            }
            if (id == 0) {
                throw XmlErrors.xml("Invalid value for attribute 'id' in element 'iothread': '"
                        + t.element().attribute("id") + "'. Expected non-zero value");
            }
            for (IoThread seen : out) {
                if (seen.id() == id) {
                    throw XmlErrors.xml("Duplicate iothread id '" + id + "' found");
                }
            }
            IoThreadBuilder b = IoThread.builder().id(id).threadPoolMin(Num.nonNegative(t, "thread_pool_min"))
                    .threadPoolMax(Num.nonNegative(t, "thread_pool_max"));
            Node poll = t.child("poll");
            if (poll != null) {
                b.pollMaxNs(Num.ulong(poll, "max", 10)).pollGrow(Num.ulong(poll, "grow", 10))
                        .pollShrink(Num.ulong(poll, "shrink", 10));
                poll.requireFullyRead();
            }
            out.add(b.other(t.rest()).build());
        }
        ids.requireFullyRead();
        return out;
    }

    static DefaultIoThread defaultIoThread(Node n) throws VirtException {
        if (n == null) {
            return null;
        }
        return DefaultIoThread.builder().threadPoolMin(Num.nonNegative(n, "thread_pool_min"))
                .threadPoolMax(Num.nonNegative(n, "thread_pool_max")).other(n.rest()).build();
    }

    static void format(Out d, DomainDef def) {
        if (def.iothreads() != null && def.iothreads() > 0) {
            d.textChild("iothreads", Integer.toUnsignedString(def.iothreads()));
        }
        if (!def.iothreadIds().isEmpty()) {
            Out ids = new Out("iothreadids");
            for (IoThread t : def.iothreadIds()) {
                Out o = new Out("iothread").attr("id", t.id()).attr("thread_pool_min", t.threadPoolMin())
                        .attr("thread_pool_max", t.threadPoolMax());
                if (t.pollMaxNs() != null || t.pollGrow() != null || t.pollShrink() != null) {
                    o.child(new Out("poll").attr("max", t.pollMaxNs()).attr("grow", t.pollGrow())
                            .attr("shrink", t.pollShrink()));
                }
                ids.child(o.preserved(t.other()));
            }
            d.child(ids);
        }
        DefaultIoThread m = def.defaultIoThread();
        if (m != null && (m.threadPoolMin() != null || m.threadPoolMax() != null || !m.other().isEmpty())) {
            d.child(new Out("defaultiothread").attr("thread_pool_min", m.threadPoolMin())
                    .attr("thread_pool_max", m.threadPoolMax()).preserved(m.other()));
        }
    }
}

package org.jvirt.api.xml;

import java.util.List;

/**
 * One {@code <iothread id=>} of a virtio disk's or controller's {@code <driver><iothreads>}: the
 * IOThread and the virtqueues it serves (libvirt's iothread-vq-mapping).
 *
 * @param id     the IOThread id
 * @param queues the virtqueue ids it serves, in document order; empty when none are listed
 */
public record IothreadQueues(int id, List<Integer> queues) {
    public IothreadQueues {
        queues = List.copyOf(queues == null ? List.of() : queues);
    }
}

package org.jvirt.rpc.internal.server;

import java.util.concurrent.Semaphore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's max_client_requests: every message read takes a slot, a call keeps it until its
 * reply is written. While the client has none free its reader waits (libvirtd allocates no
 * receive buffer then), so it is not read from until it drains.
 */
final class RequestSlots {
    private static final Logger LOG = LoggerFactory.getLogger(RequestSlots.class);
    /** Released on close: wakes a reader waiting for a slot, whatever the client holds. */
    private static final int WAKE_READER = 1 << 20;

    private final int max;
    private final Semaphore free;
    private boolean warned;   // the reader thread only

    RequestSlots(int max) {
        this.max = max;
        this.free = new Semaphore(max);
    }

    /** Takes a slot for the next message of {@code client}, waiting while it has none free. */
    void take(String client) throws InterruptedException {
        if (free.tryAcquire()) {
            return;
        }
        if (!warned) {
            warned = true;
            LOG.warn("Client {} hit max requests limit {}. This may result in keep-alive timeouts."
                    + " Consider tuning the max_client_requests server parameter", client, max);
        }
        free.acquire();
    }

    void release() {
        free.release();
    }

    /** The client is closed: its reader must not wait any more. */
    void wakeReader() {
        free.release(WAKE_READER);
    }
}

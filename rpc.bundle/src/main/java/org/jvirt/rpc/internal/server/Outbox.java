package org.jvirt.rpc.internal.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

import org.jvirt.rpc.internal.wire.Transport;

/**
 * What the server still has to write to one client. A frame is written at once by the thread that
 * made it when the socket takes it (no hand-off); otherwise it waits here for the client's writer
 * thread ({@link #drain}), so a client that does not read never blocks a worker.
 * <p>
 * Replies are "tracked" as in libvirtd ({@code virNetMessage.tracked}): each holds one of the
 * client's max_client_requests slots until it is written, so at most that many replies ever wait
 * here and a client that does not read its replies is not read from either. Events and keepalive
 * messages are not tracked (the client did not ask for them one by one); libvirtd queues them
 * without bound, here at most {@code maxUntracked} may wait, and one more means the client does
 * not read: {@link #offer} refuses it and the caller drops the client.
 */
final class Outbox {
    /** Told when a tracked reply has been written (its request slot is free again). */
    interface Written {
        void trackedWritten();
    }

    /** {@code then} runs once the frame is written, before the next one is (null: nothing). */
    private record Frame(ByteBuffer bytes, boolean tracked, Runnable then) {
    }

    private final Transport transport;
    private final int maxUntracked;
    private final Written written;
    private final Object lock = new Object();
    private final ArrayDeque<Frame> queue = new ArrayDeque<>();   // guarded by lock
    private int untracked;                                        // guarded by lock
    private boolean writerBusy;                                   // guarded by lock
    private boolean closed;                                       // guarded by lock
    /** When the writer last finished a frame, or the queue last became non-empty (nanoTime). */
    private volatile long lastProgress = System.nanoTime();

    Outbox(Transport transport, int maxUntracked, Written written) {
        this.transport = transport;
        this.maxUntracked = maxUntracked;
        this.written = written;
    }

    /**
     * Writes {@code frame} now or queues it; never blocks.
     *
     * @return null when it was written or queued (or the outbox is closed), else why the client
     *         must be dropped
     * @throws IOException when the socket failed
     */
    String offer(byte[] frame, boolean tracked) throws IOException {
        return offer(frame, tracked, null);
    }

    /**
     * Writes or queues a frame of a stream, then runs {@code then} once it is written. Such frames
     * do not count as untracked: a stream has at most one in flight (libvirtd's stream tx flag).
     */
    String offerStream(byte[] frame, Runnable then) throws IOException {
        return offer(frame, false, then);
    }

    /**
     * As {@link #offer(byte[], boolean)}, and runs {@code then} once the frame is written, before
     * any later frame is (the switch to a SASL security layer after the last clear reply).
     */
    String offer(byte[] frame, boolean tracked, Runnable then) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(frame);
        boolean counted = !tracked && then == null;
        synchronized (lock) {
            if (closed) {
                return null;
            }
            if (!writerBusy) {
                if (transport.writeNow(buf) && !buf.hasRemaining()) {
                    if (then != null) {
                        then.run();
                    }
                    if (tracked) {
                        written.trackedWritten();
                    }
                    return null;
                }
            }
            if (counted && untracked >= maxUntracked) {
                return "it does not read its events (" + untracked + " queued, at most " + maxUntracked + ")";
            }
            if (queue.isEmpty()) {
                lastProgress = System.nanoTime();
            }
            queue.addLast(new Frame(buf, tracked, then));
            untracked += counted ? 1 : 0;
            writerBusy = true;
            lock.notifyAll();
            return null;
        }
    }

    /** The writer thread's loop: writes queued frames, blocking on the socket, until closed. */
    void drain() throws IOException, InterruptedException {
        while (true) {
            Frame next;
            synchronized (lock) {
                while (queue.isEmpty() && !closed) {
                    writerBusy = false;
                    lock.wait();
                }
                if (closed) {
                    return;
                }
                next = queue.peekFirst();   // stays queued, so senders keep the order
            }
            transport.write(next.bytes());  // may block: only this client's writer waits
            if (next.then() != null) {
                next.then().run();
            }
            synchronized (lock) {
                queue.pollFirst();
                lastProgress = System.nanoTime();
                if (next.tracked()) {
                    written.trackedWritten();
                } else if (next.then() == null) {
                    untracked--;
                }
            }
        }
    }

    /** Nanoseconds the queued frames have waited without the writer finishing one; 0 when empty. */
    long stalledFor(long now) {
        synchronized (lock) {
            return queue.isEmpty() ? 0 : now - lastProgress;
        }
    }

    /** Frames waiting (tests and logs). */
    int size() {
        synchronized (lock) {
            return queue.size();
        }
    }

    void close() {
        synchronized (lock) {
            closed = true;
            queue.clear();
            untracked = 0;
            lock.notifyAll();
        }
    }
}

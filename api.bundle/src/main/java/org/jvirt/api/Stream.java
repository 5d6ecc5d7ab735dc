package org.jvirt.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A byte stream to or from a domain, libvirt's {@code virStreamPtr}: here the guest's console
 * ({@link Domain#openConsole}). Both directions may be used at once from two threads (one sending,
 * one receiving), as libvirt's daemon does; each direction by one thread at a time.
 * <p>
 * A stream ends exactly once, by {@link #finish} (orderly), {@link #abort} (at once), or by its
 * source going away (then {@link #receive} returns 0 and {@link #send} fails). {@link #abort} may
 * be called from any thread and wakes a thread blocked in {@link #receive} or {@link #send}.
 */
@ProviderType
public interface Stream {
    /**
     * Writes all of {@code len} bytes of {@code data} from {@code offset}, blocking while the
     * other end does not take them.
     *
     * @throws VirtException {@link ErrorCode#RPC} once the stream has ended
     */
    void send(byte[] data, int offset, int len) throws VirtException;

    /**
     * Reads at least one byte into {@code buf}, blocking until some are there.
     *
     * @return the number of bytes read, 0 at the end of the stream (libvirt's {@code virStreamRecv})
     * @throws VirtException when the stream failed or was aborted
     */
    int receive(byte[] buf, int offset, int len) throws VirtException;

    /** Ends the stream in order (libvirt's {@code virStreamFinish}); idempotent. */
    void finish() throws VirtException;

    /** Ends the stream at once (libvirt's {@code virStreamAbort}); idempotent, never throws. */
    void abort();
}

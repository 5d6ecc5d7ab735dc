package org.jvirt.rpc.internal.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Stream;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.internal.wire.Message;
import org.jvirt.rpc.internal.wire.MessageType;
import org.jvirt.rpc.internal.wire.Programs;
import org.jvirt.rpc.internal.wire.RemoteError;
import org.jvirt.rpc.internal.wire.RemoteProc;

/** libvirt's stream protocol of one stream, against a fake client session and a fake stream. */
class ServerStreamTest {
    private static final int SERIAL = 42;

    /** An in-memory stream: what it yields is put in {@code toClient}; what it is sent collects. */
    private static final class FakeStream implements Stream {
        final BlockingQueue<byte[]> toClient = new LinkedBlockingQueue<>();
        final ByteArrayOutputStream sent = new ByteArrayOutputStream();
        final CountDownLatch finished = new CountDownLatch(1);
        final CountDownLatch aborted = new CountDownLatch(1);
        volatile VirtException failReceive;

        @Override
        public synchronized void send(byte[] data, int offset, int len) {
            sent.write(data, offset, len);
        }

        @Override
        public int receive(byte[] buf, int offset, int len) throws VirtException {
            try {
                byte[] next = toClient.take();
                if (failReceive != null) {
                    throw failReceive;
                }
                System.arraycopy(next, 0, buf, offset, next.length);
                return next.length;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
        }

        @Override
        public void finish() {
            finished.countDown();
            toClient.add(new byte[0]);
        }

        @Override
        public void abort() {
            aborted.countDown();
            toClient.add(new byte[0]);
        }

        synchronized String sentText() {
            return sent.toString(StandardCharsets.UTF_8);
        }
    }

    /** Writes every frame at once and records it. */
    private static final class FakeClient implements ServerStream.Client {
        final BlockingQueue<Message> frames = new LinkedBlockingQueue<>();
        final AtomicInteger released = new AtomicInteger();
        final CountDownLatch removed = new CountDownLatch(1);
        volatile String dropped;

        @Override
        public boolean sendStreamFrame(Message m, Runnable then) {
            frames.add(m);
            then.run();
            return true;
        }

        @Override
        public void releaseSlot() {
            released.incrementAndGet();
        }

        @Override
        public void drop(String why) {
            dropped = why;
        }

        @Override
        public void removed(ServerStream stream) {
            removed.countDown();
        }

        @Override
        public String describe() {
            return "fake";
        }

        Message next() throws InterruptedException {
            Message m = frames.poll(5, TimeUnit.SECONDS);
            assertNotNull(m, "no frame within 5 s");
            return m;
        }
    }

    private final FakeStream stream = new FakeStream();
    private final FakeClient client = new FakeClient();
    private final ServerStream server = new ServerStream(client, RemoteProc.DOMAIN_OPEN_CONSOLE, SERIAL, stream);

    private static Message fromClient(int status, String data) {
        return new Message(Programs.REMOTE, Programs.REMOTE_VERSION, RemoteProc.DOMAIN_OPEN_CONSOLE,
                MessageType.STREAM, SERIAL, status, data.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertStream(Message m, int status) {
        assertEquals(MessageType.STREAM, m.type());
        assertEquals(RemoteProc.DOMAIN_OPEN_CONSOLE, m.proc());
        assertEquals(SERIAL, m.serial());
        assertEquals(status, m.status());
    }

    /** Every client message frees its request slot once handled. */
    private void awaitReleased(int n) throws InterruptedException {
        long end = System.nanoTime() + 5_000_000_000L;
        while (client.released.get() < n && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertEquals(n, client.released.get());
    }

    @Test
    void dataBothWaysThenFinishIsConfirmed() throws Exception {
        server.start();
        stream.toClient.add("login: ".getBytes(StandardCharsets.UTF_8));
        Message out = client.next();
        assertStream(out, MessageType.STATUS_CONTINUE);
        assertArrayEquals("login: ".getBytes(StandardCharsets.UTF_8), out.payload());

        server.received(fromClient(MessageType.STATUS_CONTINUE, "root"));
        server.received(fromClient(MessageType.STATUS_CONTINUE, "\r"));
        server.received(fromClient(MessageType.STATUS_OK, ""));
        assertTrue(stream.finished.await(5, TimeUnit.SECONDS));
        assertTrue(client.removed.await(5, TimeUnit.SECONDS));
        assertEquals("root\r", stream.sentText());
        // the finish is confirmed by an empty OK message (daemonStreamHandleFinish)
        Message confirm = client.next();
        while (confirm.status() == MessageType.STATUS_CONTINUE) {   // the EOF the out pump may still send
            confirm = client.next();
        }
        assertStream(confirm, MessageType.STATUS_OK);
        assertEquals(0, confirm.payload().length);
        awaitReleased(3);
    }

    @Test
    void endOfTheSourceIsAnEmptyContinue() throws Exception {
        server.start();
        stream.toClient.add(new byte[0]);
        Message eof = client.next();
        assertStream(eof, MessageType.STATUS_CONTINUE);
        assertEquals(0, eof.payload().length);
    }

    @Test
    void clientAbortIsConfirmedAndAbortsTheStream() throws Exception {
        server.start();
        server.received(fromClient(MessageType.STATUS_ERROR, ""));
        assertTrue(stream.aborted.await(5, TimeUnit.SECONDS));
        assertTrue(client.removed.await(5, TimeUnit.SECONDS));
        Message confirm = client.next();
        assertStream(confirm, MessageType.STATUS_OK);
        awaitReleased(1);
    }

    @Test
    void unexpectedStatusAbortsWithLibvirtsError() throws Exception {
        server.start();
        server.received(fromClient(7, ""));
        assertTrue(stream.aborted.await(5, TimeUnit.SECONDS));
        Message err = client.next();
        assertStream(err, MessageType.STATUS_ERROR);
        RemoteError e = RemoteError.decode(err.payloadReader());
        assertTrue(e.message().endsWith("stream aborted with unexpected status 7"), e.message());
        assertEquals(ErrorCode.RPC.number(), e.code());
    }

    @Test
    void aFailingSourceSendsItsErrorAsAStreamError() throws Exception {
        server.start();
        stream.failReceive = new VirtException(ErrorCode.RPC, ErrorDomain.STREAMS,
                "the console was taken over by another session");
        stream.toClient.add(new byte[1]);
        Message err = client.next();
        assertStream(err, MessageType.STATUS_ERROR);
        assertTrue(RemoteError.decode(err.payloadReader()).message()
                .contains("the console was taken over by another session"));
        assertTrue(client.removed.await(5, TimeUnit.SECONDS));
    }

    @Test
    void aHoleOnAStreamThatIsNotSparseDropsTheClient() throws Exception {
        server.start();
        server.received(new Message(Programs.REMOTE, Programs.REMOTE_VERSION, RemoteProc.DOMAIN_OPEN_CONSOLE,
                MessageType.STREAM_HOLE, SERIAL, MessageType.STATUS_CONTINUE, new byte[12]));
        long end = System.nanoTime() + 5_000_000_000L;
        while (client.dropped == null && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertNotNull(client.dropped);
        assertTrue(client.dropped.contains("Unexpected stream hole"), client.dropped);
    }

    @Test
    void theClientGoingAwayAbortsTheStreamAndFreesWhatWaits() throws Exception {
        server.clientClosed();   // before start: nothing may be left waiting
        assertTrue(stream.aborted.await(5, TimeUnit.SECONDS));
        server.received(fromClient(MessageType.STATUS_CONTINUE, "late"));
        assertEquals(1, client.released.get(), "data for a closed stream is dropped, its slot freed");
        assertEquals("", stream.sentText());
        assertNull(client.dropped);
        assertFalse(client.frames.stream().anyMatch(m -> m.status() == MessageType.STATUS_ERROR));
    }
}

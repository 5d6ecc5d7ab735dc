package org.jvirt.driver.qemu.internal.save;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.jvirt.driver.qemu.internal.qmp.QmpClient;
import org.jvirt.driver.qemu.internal.qmp.QmpException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * QEMU's migration stream between a guest and a save image, relayed by the driver over a UNIX
 * socket in the guest's own folder: QEMU connects to the driver's socket to save
 * ({@code migrate unix:}) and listens on one for a restore started with {@code -incoming defer}
 * ({@code migrate-incoming unix:}). libvirt hands QEMU the image's descriptor instead (QMP
 * {@code getfd} over SCM_RIGHTS, or {@code -incoming} with an inherited descriptor), with its
 * iohelper in between for a save. The relay was written when the driver's monitor could not carry
 * descriptors (it can now: {@code QmpClient.executeWithFd}, used for hot-plugged NICs), and stays
 * because it is that iohelper: it keeps libvirt's guarantee that the QEMU user never has a right on
 * the image (it stays the daemon's, mode 0600) and works with any QEMU (7.2 has no {@code file:} URI).
 */
public final class MigrationStream {
    private static final int BUFFER = 1 << 20;
    /** libvirt's QEMU_DOMAIN_MIG_BANDWIDTH_MAX in bytes/s: a save goes as fast as it can. */
    private static final long UNLIMITED = (Long.MAX_VALUE / (1024 * 1024)) * (1024 * 1024);
    private static final Duration POLL = Duration.ofMillis(20);
    /** libvirt's qemuMigrationJobName of a save and of a start (a restore). */
    private static final String SAVE_JOB = "domain save";
    private static final String START_JOB = "start";

    private MigrationStream() {
    }

    /** Gives the socket the driver made to the guest's process (DAC), before QEMU connects. */
    @FunctionalInterface
    public interface SocketLabel {
        void apply(Path socket) throws Exception;
    }

    /**
     * Saves the (paused) guest: QEMU sends its state to {@code socket}, the driver writes it to
     * {@code out} and returns once QEMU reports the migration completed.
     *
     * @param alive           false once the emulator has gone
     * @param connectTimeout  how long QEMU may take to connect
     * @throws SaveException naming what failed: QEMU's error, or the driver's I/O
     */
    public static void save(QmpClient qmp, Path socket, SocketLabel label, WritableByteChannel out,
                            BooleanSupplier alive, Duration connectTimeout) throws SaveException {
        boolean done = false;
        long bandwidth = -1;
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            Files.deleteIfExists(socket);
            server.bind(UnixDomainSocketAddress.of(socket));
            label.apply(socket);
            bandwidth = qmp.execute("query-migrate-parameters", null).path("max-bandwidth").asLong(-1);
            qmp.execute("migrate-set-parameters", QmpClient.args().put("max-bandwidth", UNLIMITED));
            qmp.execute("migrate", QmpClient.args().put("uri", "unix:" + socket));
            server.configureBlocking(false);
            long deadline = System.nanoTime() + connectTimeout.toNanos();
            SocketChannel from;
            while ((from = server.accept()) == null) {
                String failed = failure(qmp, SAVE_JOB);
                if (failed != null || !alive.getAsBoolean() || System.nanoTime() > deadline) {
                    throw new SaveException(failed != null ? failed : "QEMU did not connect to " + socket);
                }
                Thread.sleep(POLL.toMillis());
            }
            try (SocketChannel in = from) {
                in.configureBlocking(true);
                copy(in, out);
            }
            awaitCompletion(qmp, alive, SAVE_JOB);
            done = true;
        } catch (QmpException e) {
            throw new SaveException(e.getMessage(), e);
        } catch (SaveException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SaveException("interrupted", e);
        } catch (Exception e) {
            throw new SaveException(e.toString(), e);
        } finally {
            deleteQuietly(socket);
            if (!done && alive.getAsBoolean()) {
                undo(qmp, bandwidth);
            }
        }
    }

    /** After a failed save the guest goes on: no migration left running, its old speed limit back. */
    private static void undo(QmpClient qmp, long bandwidth) {
        try {
            qmp.execute("migrate_cancel", null);
            if (bandwidth >= 0) {
                qmp.execute("migrate-set-parameters", QmpClient.args().put("max-bandwidth", bandwidth));
            }
        } catch (QmpException e) {
            // the caller resumes the guest or reports why it cannot
        }
    }

    /**
     * Restores into a QEMU started with {@code -incoming defer}: it listens on {@code socket}, the
     * driver sends {@code in} and returns once QEMU has loaded the state (the guest stays paused).
     */
    public static void restore(QmpClient qmp, Path socket, ReadableByteChannel in, BooleanSupplier alive,
                               Duration connectTimeout) throws SaveException {
        try {
            Files.deleteIfExists(socket);
            qmp.execute("migrate-incoming", QmpClient.args().put("uri", "unix:" + socket));
            long deadline = System.nanoTime() + connectTimeout.toNanos();
            SocketChannel to = null;
            while (to == null) {
                try {
                    to = SocketChannel.open(UnixDomainSocketAddress.of(socket));
                } catch (IOException e) {
                    if (!alive.getAsBoolean() || System.nanoTime() > deadline) {
                        throw new SaveException("cannot connect to QEMU's incoming socket " + socket + ": "
                                + e.getMessage(), e);
                    }
                    Thread.sleep(POLL.toMillis());
                }
            }
            try (SocketChannel out = to) {
                copy(in, out);
                out.shutdownOutput();
                awaitCompletion(qmp, alive, START_JOB);
            }
        } catch (QmpException e) {
            throw new SaveException(e.getMessage(), e);
        } catch (SaveException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SaveException("interrupted", e);
        } catch (IOException e) {
            throw new SaveException(e.toString(), e);
        } finally {
            deleteQuietly(socket);
        }
    }

    /**
     * What QEMU says blocks a migration of the guest ({@code query-migrate}'s
     * {@code blocked-reasons}), joined by "; " as libvirt's qemuMigrationSrcIsAllowed; empty when
     * nothing does.
     */
    public static String blockers(QmpClient qmp) throws QmpException {
        JsonNode reasons = qmp.execute("query-migrate", null).path("blocked-reasons");
        StringBuilder out = new StringBuilder();
        reasons.forEach(r -> out.append(out.length() == 0 ? "" : "; ").append(r.asText()));
        return out.toString();
    }

    /** libvirt's qemuMigrationJobCheckStatus message for a migration QEMU failed, or null while it has not. */
    private static String failure(QmpClient qmp, String job) throws QmpException {
        return failure(qmp.execute("query-migrate", null), job);
    }

    private static String failure(JsonNode st, String job) {
        String status = st.path("status").asText("");
        if ("failed".equals(status)) {
            return st.hasNonNull("error-desc") ? "job '" + job + "' failed: " + st.path("error-desc").asText()
                    : "job '" + job + "' unexpectedly failed";
        }
        return "cancelled".equals(status) ? "job '" + job + "' canceled by client" : null;
    }

    /** Until {@code query-migrate} says completed; a failure, or the emulator's end, is an error. */
    private static void awaitCompletion(QmpClient qmp, BooleanSupplier alive, String job)
            throws QmpException, SaveException, InterruptedException {
        while (true) {
            JsonNode st = qmp.execute("query-migrate", null);
            if ("completed".equals(st.path("status").asText(""))) {
                return;
            }
            String failed = failure(st, job);
            if (failed != null) {
                throw new SaveException(failed);
            }
            if (!alive.getAsBoolean()) {
                throw new SaveException("QEMU exited during the migration");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private static void copy(ReadableByteChannel in, WritableByteChannel out) throws IOException {
        ByteBuffer buf = ByteBuffer.allocateDirect(BUFFER);
        while (in.read(buf) >= 0) {
            buf.flip();
            while (buf.hasRemaining()) {
                out.write(buf);
            }
            buf.clear();
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // the guest's folder goes with the guest
        }
    }

    /** A save or restore stream that failed; the message says why (QEMU's error when it gave one). */
    public static final class SaveException extends Exception {
        private static final long serialVersionUID = 1L;

        public SaveException(String message) {
            super(message);
        }

        public SaveException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

package org.jvirt.driver.qemu.internal.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A child started by {@link FdSpawn}: the {@link Process} face the driver uses for one from
 * {@link ProcessBuilder} (pid, stdin, liveness, exit, kill). Its output goes to a file, so its
 * input and error streams are empty. A daemon thread reaps it ({@code waitpid}), as the JDK's
 * process reaper does for its own children, so it never stays a zombie.
 */
final class SpawnedProcess extends Process {
    private final int pid;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final OutputStream stdin;

    SpawnedProcess(int pid, int stdinFd) {
        this.pid = pid;
        this.stdin = new FdOutputStream(stdinFd);
        Thread reaper = new Thread(() -> exit.complete(FdSpawn.waitFor(pid)), "qemu-reaper-" + pid);
        reaper.setDaemon(true);
        reaper.start();
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public OutputStream getOutputStream() {
        return stdin;
    }

    @Override
    public InputStream getInputStream() {
        return InputStream.nullInputStream();
    }

    @Override
    public InputStream getErrorStream() {
        return InputStream.nullInputStream();
    }

    @Override
    public int waitFor() throws InterruptedException {
        try {
            return exit.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
        try {
            exit.get(timeout, unit);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public int exitValue() {
        Integer v = exit.getNow(null);
        if (v == null) {
            throw new IllegalThreadStateException("process " + pid + " has not exited");
        }
        return v;
    }

    @Override
    public boolean isAlive() {
        return !exit.isDone();
    }

    @Override
    public void destroy() {
        if (isAlive()) {
            FdSpawn.kill(pid, FdSpawn.SIGTERM);
        }
    }

    @Override
    public Process destroyForcibly() {
        if (isAlive()) {
            FdSpawn.kill(pid, FdSpawn.SIGKILL);
        }
        return this;
    }

    @Override
    public CompletableFuture<Process> onExit() {
        return exit.thenApply(v -> this);
    }

    @Override
    public ProcessHandle toHandle() {
        return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("process " + pid + " is gone"));
    }

    /** Writes to the pipe's descriptor; close closes it once. */
    private static final class FdOutputStream extends OutputStream {
        private int fd;

        FdOutputStream(int fd) {
            this.fd = fd;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            if (fd < 0) {
                throw new IOException("Stream closed");
            }
            FdSpawn.writeFully(fd, b, off, len);
        }

        @Override
        public synchronized void close() {
            if (fd >= 0) {
                FdSpawn.close(fd);
                fd = -1;
            }
        }
    }
}

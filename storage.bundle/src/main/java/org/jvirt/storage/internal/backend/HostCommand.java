package org.jvirt.storage.internal.backend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a host tool (qemu-img, stat, fallocate) as libvirt's {@code virCommandRun}: a failure names the command and its output. */
public final class HostCommand {
    private static final Logger LOG = LoggerFactory.getLogger(HostCommand.class);

    private HostCommand() {
    }

    /** Runs {@code argv} and returns its standard output; a non-zero exit is libvirt's internal error. */
    public static String run(List<String> argv) throws VirtException {
        LOG.debug("running {}", argv);
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(false);
        pb.environment().put("LC_ALL", "C");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.STORAGE,
                    "Cannot find '" + argv.get(0) + "' in path: " + e.getMessage(), e);
        }
        try {
            p.getOutputStream().close();
            byte[] err;
            byte[] out;
            var errReader = p.getErrorStream();
            StringBuilder errText = new StringBuilder();
            Thread errThread = new Thread(() -> {
                try {
                    errText.append(new String(errReader.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException ignored) { // the exit code reports the failure
                }
            }, "jvirt-storage-cmd-stderr");
            errThread.start();
            out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.STORAGE,
                        "Child process (" + String.join(" ", argv) + ") timed out");
            }
            errThread.join();
            err = errText.toString().getBytes(StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.STORAGE, "Child process ("
                        + String.join(" ", argv) + ") unexpected exit status " + p.exitValue() + ": "
                        + new String(err, StandardCharsets.UTF_8).strip());
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.STORAGE, "Child process ("
                    + String.join(" ", argv) + ") failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new VirtException(ErrorCode.OPERATION_ABORTED, ErrorDomain.STORAGE, String.join(" ", argv));
        }
    }
}

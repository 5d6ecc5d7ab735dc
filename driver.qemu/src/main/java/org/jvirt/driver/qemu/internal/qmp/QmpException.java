package org.jvirt.driver.qemu.internal.qmp;

/**
 * A QMP command failed: QEMU answered with an error (then {@link #errorClass()} is QEMU's class,
 * such as {@code CommandNotFound}), the reply did not come in time ({@code timeout}), or the
 * monitor is closed or broken ({@code closed}, {@code protocol}).
 */
public class QmpException extends Exception {
    private static final long serialVersionUID = 1L;

    public static final String TIMEOUT = "timeout";
    public static final String CLOSED = "closed";
    public static final String PROTOCOL = "protocol";

    private final String command;
    private final String errorClass;
    private final String description;

    public QmpException(String command, String errorClass, String description) {
        super("unable to execute QEMU command '" + command + "': " + description);
        this.command = command;
        this.errorClass = errorClass;
        this.description = description;
    }

    public String command() {
        return command;
    }

    public String errorClass() {
        return errorClass;
    }

    public String description() {
        return description;
    }

    public boolean isTimeout() {
        return TIMEOUT.equals(errorClass);
    }

    public boolean isClosed() {
        return CLOSED.equals(errorClass) || PROTOCOL.equals(errorClass);
    }
}

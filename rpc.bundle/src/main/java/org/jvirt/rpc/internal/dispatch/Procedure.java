package org.jvirt.rpc.internal.dispatch;

/**
 * One served procedure of the remote program.
 *
 * @param number   its REMOTE_PROC_* number
 * @param function the libvirt API function it implements, for error messages
 * @param access   when it may run
 * @param handler  the implementation
 */
public record Procedure(int number, String function, Access access, Handler handler) {
}

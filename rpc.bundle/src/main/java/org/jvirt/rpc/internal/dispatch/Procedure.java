package org.jvirt.rpc.internal.dispatch;

import org.jvirt.api.ErrorDomain;

/**
 * One served procedure of the remote program.
 *
 * @param number   its REMOTE_PROC_* number
 * @param function the libvirt API function it implements, for error messages
 * @param access   when it may run
 * @param handler  the implementation
 * @param errorDomain the error domain of its read-only refusal, libvirt's {@code VIR_FROM_THIS} of the
 *                 API file the function is in ({@code DOMAIN} for most, {@code SECRET} for {@code virSecret*})
 */
public record Procedure(int number, String function, Access access, Handler handler, ErrorDomain errorDomain) {

    public Procedure(int number, String function, Access access, Handler handler) {
        this(number, function, access, handler, ErrorDomain.DOMAIN);
    }
}

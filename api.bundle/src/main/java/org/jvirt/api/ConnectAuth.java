package org.jvirt.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The credentials callback of an open, libvirt's {@code virConnectAuth} for
 * {@code virConnectOpenAuth}: drivers that log in to a remote system (ESX, vCenter) ask it for what
 * the URI does not carry. It may be called on the opening thread only, any number of times
 * during {@link ConnectionFactory#open(String, ConnectAuth, int)}, and again when the core reopens
 * the connection on a replacement driver.
 */
@ConsumerType
public interface ConnectAuth {

    /** The credential types this callback can answer; a driver asks only for these. */
    List<CredentialType> types();

    /**
     * Answers the requests.
     *
     * @param requests what the driver asks, never empty
     * @return one answer per request, in order; null for one the user did not answer
     * @throws VirtException when the user cancels ({@link ErrorCode#AUTH_FAILED} or any code: the
     *                       open fails with it)
     */
    List<String> answer(List<CredentialRequest> requests) throws VirtException;
}

package org.jvirt.api;

/**
 * One credential a driver asks for while it opens a connection, libvirt's {@code virConnectCredential}
 * without the result (which the callback returns, {@link ConnectAuth#answer}).
 *
 * @param type          what is asked, never null
 * @param prompt        the text to show the user, never null ({@code Enter root's password for esx1})
 * @param challenge     extra information (the host), or null
 * @param defaultResult what to use when the user gives nothing, or null
 */
public record CredentialRequest(CredentialType type, String prompt, String challenge, String defaultResult) {
}

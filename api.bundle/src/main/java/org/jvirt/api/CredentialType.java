package org.jvirt.api;

/** What a credential request asks for, libvirt's {@code virConnectCredentialType} (same numbers). */
public enum CredentialType {
    /** The user's name. */
    USERNAME(1),
    /** The name to authorize as. */
    AUTHNAME(2),
    /** An RFC 1766 language code. */
    LANGUAGE(3),
    /** A client nonce. */
    CNONCE(4),
    /** A password or passphrase: never echoed. */
    PASSPHRASE(5),
    /** A challenge answer, echoed. */
    ECHOPROMPT(6),
    /** A challenge answer, not echoed. */
    NOECHOPROMPT(7),
    /** An authentication realm. */
    REALM(8),
    /** Externally managed credentials. */
    EXTERNAL(9);

    private final int number;

    CredentialType(int number) {
        this.number = number;
    }

    /** libvirt's number ({@code VIR_CRED_PASSPHRASE} is 5). */
    public int number() {
        return number;
    }
}

package org.jvirt.driver.hyperv.internal;

import java.util.List;

import org.jvirt.api.ConnectAuth;
import org.jvirt.api.CredentialRequest;
import org.jvirt.api.CredentialType;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.driver.hyperv.internal.wsman.HypervErrors;

/**
 * The user and password, as libvirt's {@code hypervConnectOpen} asks for them: a callback is
 * required ({@code Missing or invalid auth pointer}); the user comes from the URI, else a
 * {@code USERNAME} request offering {@code administrator}; the password from a {@code PASSPHRASE}
 * request ({@code virAuthGetUsername}, {@code virAuthGetPassword}).
 */
record Credentials(String user, String password) {

    static Credentials ask(HypervUri uri, ConnectAuth auth) throws VirtException {
        if (auth == null || auth.types() == null) {
            throw HypervErrors.of(ErrorCode.INVALID_ARG, "Missing or invalid auth pointer");
        }
        String host = uri.host();
        String user = uri.user();
        if (user == null) {
            if (!auth.types().contains(CredentialType.USERNAME)) {
                throw HypervErrors.of(ErrorCode.AUTH_FAILED, "Username request failed");
            }
            String answer = answer(auth, new CredentialRequest(CredentialType.USERNAME,
                    "Enter username for " + host + " [administrator]", host, "administrator"));
            user = answer == null || answer.isEmpty() ? "administrator" : answer;
        }
        String password = auth.types().contains(CredentialType.PASSPHRASE)
                ? answer(auth, new CredentialRequest(CredentialType.PASSPHRASE,
                        "Enter " + user + "'s password for " + host, host, null))
                : null;
        if (password == null) {
            throw HypervErrors.of(ErrorCode.AUTH_FAILED, "Password request failed");
        }
        return new Credentials(user, password);
    }

    private static String answer(ConnectAuth auth, CredentialRequest request) throws VirtException {
        List<String> answers = auth.answer(List.of(request));
        if (answers == null || answers.size() != 1) {
            throw HypervErrors.of(ErrorCode.AUTH_FAILED, "the authentication callback answered "
                    + (answers == null ? "nothing" : answers.size() + " values") + " for 1 request");
        }
        return answers.get(0);
    }

    @Override
    public String toString() {
        return "Credentials[user=" + user + "]";
    }
}

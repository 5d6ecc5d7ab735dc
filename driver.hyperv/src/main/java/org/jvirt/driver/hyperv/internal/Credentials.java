package org.jvirt.driver.hyperv.internal;

import java.nio.file.Path;
import java.util.List;

import org.jvirt.api.ConnectAuth;
import org.jvirt.api.CredentialRequest;
import org.jvirt.api.CredentialType;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.AuthConfig;
import org.jvirt.driver.hyperv.internal.wsman.HypervErrors;

/**
 * The user and password, as libvirt's {@code hypervConnectOpen} finds them through
 * {@code virAuthGetUsername} / {@code virAuthGetPassword} with service {@code hyperv}: the user from
 * the URI, else the credentials file ({@code [auth-hyperv-HOST]} or {@code [auth-hyperv-default]}),
 * else a {@code USERNAME} request offering {@code administrator}; the password from the file, else a
 * {@code PASSPHRASE} request. libvirt requires a callback ({@code Missing or invalid auth pointer});
 * jvirt also opens without one when the driver has a credentials file, which is how jvirtd and the
 * {@code virt:*} shell commands (no callback) reach a Hyper-V host, as the ESX driver does.
 */
record Credentials(String user, String password) {
    static final String SERVICE = "hyperv";

    static Credentials ask(HypervUri uri, ConnectAuth auth, Path file) throws VirtException {
        boolean callback = auth != null && auth.types() != null;
        if (!callback && file == null) {
            throw HypervErrors.of(ErrorCode.INVALID_ARG, "Missing or invalid auth pointer");
        }
        AuthConfig config = file == null ? null : AuthConfig.read(file, ErrorDomain.HYPERV);
        String host = uri.host();
        String user = uri.user();
        if (user == null && config != null) {
            user = config.lookup(SERVICE, host, "username");
        }
        if (user == null) {
            if (callback && auth.types().contains(CredentialType.USERNAME)) {
                String answer = answer(auth, new CredentialRequest(CredentialType.USERNAME,
                        "Enter username for " + host + " [administrator]", host, "administrator"));
                user = answer == null || answer.isEmpty() ? "administrator" : answer;
            } else if (callback) {
                throw HypervErrors.of(ErrorCode.AUTH_FAILED, "Username request failed");
            } else {
                user = "administrator";
            }
        }
        String password = config == null ? null : config.lookup(SERVICE, host, "password");
        if (password == null && callback && auth.types().contains(CredentialType.PASSPHRASE)) {
            password = answer(auth, new CredentialRequest(CredentialType.PASSPHRASE,
                    "Enter " + user + "'s password for " + host, host, null));
        }
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

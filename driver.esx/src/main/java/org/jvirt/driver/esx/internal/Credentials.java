package org.jvirt.driver.esx.internal;

import java.nio.file.Path;
import java.util.List;

import org.jvirt.api.ConnectAuth;
import org.jvirt.api.CredentialRequest;
import org.jvirt.api.CredentialType;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.AuthConfig;
import org.jvirt.driver.esx.internal.vi.ViErrors;

/**
 * The user and password for a connection, as libvirt's {@code esxConnectToHost} and
 * {@code esxConnectToVCenter} find them ({@code virAuthGetUsername}, {@code virAuthGetPassword}):
 * the user from the URI, else the credentials file, else the caller's callback (offering
 * {@code root}, or {@code administrator} for a vCenter); the password from the credentials file,
 * else the callback. libvirt looks credentials up by the URI's host name, and so does this.
 */
record Credentials(String user, String password) {

    static Credentials resolve(EsxUri uri, Path file, ConnectAuth auth) throws VirtException {
        AuthConfig authFile = file == null ? null : AuthConfig.read(file, ErrorDomain.ESX);
        String host = uri.host();
        String user = uri.user();
        if (user == null && authFile != null) {
            user = authFile.lookup("esx", host, "username");
        }
        if (user == null) {
            String fallback = uri.scheme().equals("vpx") ? "administrator" : "root";
            if (offers(auth, CredentialType.USERNAME)) {
                String answer = ask(auth, new CredentialRequest(CredentialType.USERNAME,
                        "Enter username for " + host + " [" + fallback + "]", host, fallback));
                user = answer == null || answer.isEmpty() ? fallback : answer;
            } else {
                user = fallback;
            }
        }
        String password = authFile == null ? null : authFile.lookup("esx", host, "password");
        if (password == null && offers(auth, CredentialType.PASSPHRASE)) {
            password = ask(auth, new CredentialRequest(CredentialType.PASSPHRASE,
                    "Enter " + user + "'s password for " + host, host, null));
        }
        if (password == null) {
            throw ViErrors.of(ErrorCode.AUTH_UNAVAILABLE, "no password for '" + user + "@" + host + "': give it"
                    + " through the authentication callback or the ESX driver's credentials file ("
                    + EsxConfig.PID + ", credentials.file)");
        }
        return new Credentials(user, password);
    }

    private static boolean offers(ConnectAuth auth, CredentialType type) {
        return auth != null && auth.types() != null && auth.types().contains(type);
    }

    private static String ask(ConnectAuth auth, CredentialRequest request) throws VirtException {
        List<String> answers = auth.answer(List.of(request));
        if (answers == null || answers.size() != 1) {
            throw ViErrors.of(ErrorCode.AUTH_FAILED, "the authentication callback answered "
                    + (answers == null ? "nothing" : answers.size() + " values") + " for 1 request");
        }
        return answers.get(0);
    }

    @Override
    public String toString() {
        return "Credentials[user=" + user + "]";
    }
}

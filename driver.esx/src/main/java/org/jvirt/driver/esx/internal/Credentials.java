package org.jvirt.driver.esx.internal;

import java.nio.file.Path;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.driver.esx.internal.vi.ViErrors;

/**
 * The user and password for a connection, as libvirt's {@code esxConnectToHost} and
 * {@code esxConnectToVCenter} find them: the user from the URI, else asked (here: the credentials
 * file), else {@code root} (ESX, GSX) or {@code administrator} (vCenter); the password asked (the
 * credentials file). libvirt's credentials are looked up by the URI's host name.
 */
record Credentials(String user, String password) {

    static Credentials resolve(EsxUri uri, Path file) throws VirtException {
        AuthFile auth = file == null ? null : AuthFile.read(file);
        String user = uri.user();
        if (user == null && auth != null) {
            user = auth.lookup("esx", uri.host(), "username");
        }
        if (user == null) {
            user = uri.scheme().equals("vpx") ? "administrator" : "root";
        }
        String password = auth == null ? null : auth.lookup("esx", uri.host(), "password");
        if (password == null) {
            throw ViErrors.of(ErrorCode.AUTH_UNAVAILABLE, "no password for '" + user + "@" + uri.host()
                    + "': configure the ESX driver's credentials file (" + EsxConfig.PID + ", credentials.file)");
        }
        return new Credentials(user, password);
    }

    @Override
    public String toString() {
        return "Credentials[user=" + user + "]";
    }
}

package org.jvirt.driver.hyperv.internal.wsman;

import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.CredentialsProvider;
import org.apache.hc.client5.http.auth.NTCredentials;
import org.apache.hc.client5.http.auth.StandardAuthScheme;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.CredentialsProviderBuilder;
import org.apache.hc.core5.http.HttpHost;

/**
 * The login for one endpoint, in the two forms HttpClient's schemes take: Basic sends the user as
 * given ({@code DOMAIN\\user} included, as WinRM expects it); NTLM splits {@code DOMAIN\\user} or
 * {@code user@domain} into its user and domain (MS-NLMP's UserName and DomainName fields) and is
 * sent only to this host.
 */
final class WsmanLogin {
    private WsmanLogin() {
    }

    static CredentialsProvider credentials(HttpHost target, String user, String password) {
        String ntUser = user;
        String domain = null;
        int backslash = user.indexOf('\\');
        int at = user.lastIndexOf('@');
        if (backslash > 0) {
            domain = user.substring(0, backslash);
            ntUser = user.substring(backslash + 1);
        } else if (at > 0) {
            domain = user.substring(at + 1);
            ntUser = user.substring(0, at);
        }
        return CredentialsProviderBuilder.create()
                .add(new AuthScope(target, null, StandardAuthScheme.BASIC),
                        new UsernamePasswordCredentials(user, password.toCharArray()))
                .add(new AuthScope(target, null, StandardAuthScheme.NTLM),
                        new NTCredentials(ntUser, password.toCharArray(), null, domain))
                .build();
    }
}

package org.jvirt.driver.hyperv.internal.wsman;

import java.security.Principal;

import org.apache.hc.client5.http.auth.AuthChallenge;
import org.apache.hc.client5.http.auth.AuthScheme;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.AuthenticationException;
import org.apache.hc.client5.http.auth.CredentialsProvider;
import org.apache.hc.client5.http.auth.MalformedChallengeException;
import org.apache.hc.client5.http.auth.StandardAuthScheme;
import org.apache.hc.client5.http.impl.auth.NTLMScheme;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * NTLM carried under the {@code Negotiate} scheme name. WinRM offers {@code WWW-Authenticate:
 * Negotiate}, not {@code NTLM}, and Windows' HTTP stack takes raw NTLMSSP tokens there (SPNEGO's
 * NTLM fallback; pywinrm and other WinRM clients do the same). HttpClient's own Negotiate scheme
 * is Kerberos-only (GSS-API), so this wraps its NTLM scheme and only renames the scheme: the
 * tokens are NTLM's, made by HttpClient.
 */
@SuppressWarnings("deprecation") // NTLMScheme: deprecated upstream, still the maintained NTLM of HttpClient 5.6
final class NegotiateNtlmScheme implements AuthScheme {
    private final NTLMScheme ntlm = new NTLMScheme();

    @Override
    public String getName() {
        return StandardAuthScheme.SPNEGO;
    }

    @Override
    public boolean isConnectionBased() {
        return true;
    }

    @Override
    public void processChallenge(AuthChallenge challenge, HttpContext context) throws MalformedChallengeException {
        ntlm.processChallenge(new AuthChallenge(challenge.getChallengeType(), StandardAuthScheme.NTLM,
                challenge.getValue(), challenge.getParams()), context);
    }

    @Override
    public boolean isChallengeComplete() {
        return ntlm.isChallengeComplete();
    }

    @Override
    public String getRealm() {
        return ntlm.getRealm();
    }

    @Override
    public boolean isResponseReady(HttpHost host, CredentialsProvider credentials, HttpContext context)
            throws AuthenticationException {
        return ntlm.isResponseReady(host, credentials, context);
    }

    @Override
    public Principal getPrincipal() {
        return ntlm.getPrincipal();
    }

    @Override
    public String generateAuthResponse(HttpHost host, HttpRequest request, HttpContext context)
            throws AuthenticationException {
        String response = ntlm.generateAuthResponse(host, request, context);
        String prefix = StandardAuthScheme.NTLM + " ";
        return getName() + " " + (response.startsWith(prefix) ? response.substring(prefix.length()) : response);
    }

    /** The scope the credentials are looked up under (the NTLM ones). */
    static AuthScope scope(HttpHost host) {
        return new AuthScope(host, null, StandardAuthScheme.NTLM);
    }
}

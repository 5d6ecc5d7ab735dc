package org.jvirt.rpc.internal.sasl;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.sasl.AuthorizeCallback;
import javax.security.sasl.RealmCallback;
import javax.security.sasl.Sasl;
import javax.security.sasl.SaslException;
import javax.security.sasl.SaslServer;

import org.jvirt.rpc.internal.wire.SaslLayer;
import org.jvirt.rpc.internal.wire.SecurityLayer;

/**
 * One client's SASL authentication on the server, with the JDK's DIGEST-MD5 (the mechanism of
 * cyrus-sasl's libsasl2-modules that both the JDK and virsh speak). As libvirtd does
 * (remoteDispatchAuthSaslInit, remoteSASLFinish): on a secure transport (UNIX socket, TLS) no
 * security layer is wanted; on plain TCP the client must negotiate confidentiality (auth-conf)
 * of at least {@link SaslSettings#tcpMinSsf()} bits, which then protects all later traffic.
 * Not thread-safe: the auth procedures of one client run one at a time.
 */
public final class SaslServerSession {
    /** The one mechanism offered (libvirt's AUTH_SASL_INIT returns a comma-separated list). */
    public static final String MECHANISM = "DIGEST-MD5";
    /** Our maximum SASL buffer, announced to the client (libvirt's SASL buffers are 64 KiB). */
    static final int MAX_BUFFER = 65536;
    private static final String REALM_PROPERTY = "com.sun.security.sasl.digest.realm";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SaslSettings settings;
    private final boolean secureTransport;
    private SaslServer server;
    private String rejected;

    /** The outcome of a step: the data for the client (null: SASL's "nil") and whether it is done. */
    public record Step(boolean complete, byte[] data) {
    }

    /** Why authentication failed; the message is for the log, the client only learns that it failed. */
    public static final class AuthException extends Exception {
        private static final long serialVersionUID = 1L;

        AuthException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public SaslServerSession(SaslSettings settings, boolean secureTransport) {
        this.settings = settings;
        this.secureTransport = secureTransport;
    }

    public String mechanisms() {
        return MECHANISM;
    }

    /** AUTH_SASL_START: the client's chosen mechanism and initial response (null for nil). */
    public Step start(String mechanism, byte[] data) throws AuthException {
        if (server != null) {
            throw new AuthException("SASL authentication already started", null);
        }
        if (!MECHANISM.equalsIgnoreCase(mechanism)) {
            throw new AuthException("SASL mechanism " + mechanism + " is not offered", null);
        }
        try {
            server = Sasl.createSaslServer(MECHANISM, "libvirt", null, properties(), this::handle);
        } catch (SaslException e) {
            throw new AuthException("cannot start SASL: " + e.getMessage(), e);
        }
        if (server == null) {
            throw new AuthException("this JDK has no " + MECHANISM + " SASL server", null);
        }
        return step(data == null ? new byte[0] : data);
    }

    /** AUTH_SASL_STEP: the client's next response (null for nil). */
    public Step step(byte[] data) throws AuthException {
        if (server == null) {
            throw new AuthException("SASL step before start", null);
        }
        byte[] out;
        try {
            out = server.evaluateResponse(data == null ? new byte[0] : data);
        } catch (SaslException e) {
            throw new AuthException(rejected != null ? rejected : e.getMessage(), e);
        }
        if (!server.isComplete()) {
            return new Step(false, out);
        }
        finish();
        return new Step(true, out);
    }

    /** libvirt's remoteSASLFinish: a strong enough layer on plain TCP, an allowed user name. */
    private void finish() throws AuthException {
        if (!secureTransport) {
            int ssf = ssf();
            if (ssf < settings.tcpMinSsf()) {
                throw new AuthException("negotiated SSF " + ssf + " was not strong enough (quality of protection "
                        + server.getNegotiatedProperty(Sasl.QOP) + ")", null);
            }
        }
        String identity = identity();
        if (!settings.allows(identity)) {
            throw new AuthException("SASL client identity '" + identity + "' not allowed by sasl_allowed_username_list",
                    null);
        }
    }

    /** The authenticated user. */
    public String identity() {
        return server.getAuthorizationID();
    }

    /** The security strength of the negotiated layer in bits: 0 without one. */
    int ssf() {
        String qop = (String) server.getNegotiatedProperty(Sasl.QOP);
        if ("auth-int".equals(qop)) {
            return 1;
        }
        if (!"auth-conf".equals(qop)) {
            return 0;
        }
        // the JDK tells the cipher's strength class, not the cipher: high is 3DES (112 bits) or RC4
        // (128), medium DES or RC4-56 (56), low RC4-40; count the weaker of each class
        return switch (String.valueOf(server.getNegotiatedProperty(Sasl.STRENGTH))) {
            case "high" -> 112;
            case "medium" -> 56;
            case "low" -> 40;
            default -> 0;
        };
    }

    /** The layer protecting the rest of the connection, or null when none was negotiated. */
    public SecurityLayer layer() {
        if (ssf() == 0) {
            return null;
        }
        int rawSend = Integer.parseInt((String) server.getNegotiatedProperty(Sasl.RAW_SEND_SIZE));
        SaslServer s = server;
        return new SaslLayer(s::wrap, s::unwrap, rawSend, MAX_BUFFER);
    }

    private Map<String, Object> properties() {
        Map<String, Object> p = new HashMap<>();
        // secure transports: libvirtd asks for no layer (min/max SSF 0); plain TCP: confidentiality
        p.put(Sasl.QOP, secureTransport ? "auth" : "auth-conf");
        p.put(Sasl.STRENGTH, "high,medium");   // 3DES and RC4 (112, 128 bits), DES and RC4-56 (56 bits)
        p.put(Sasl.MAX_BUFFER, String.valueOf(MAX_BUFFER));
        p.put(Sasl.POLICY_NOANONYMOUS, "true");
        p.put(Sasl.POLICY_NOPLAINTEXT, "true");
        p.put(REALM_PROPERTY, settings.realm());
        return p;
    }

    /** The JDK's DIGEST-MD5 asks for the user's password; unknown users get one nobody knows. */
    private void handle(Callback[] callbacks) throws IOException, UnsupportedCallbackException {
        String user = null;
        for (Callback c : callbacks) {
            if (c instanceof NameCallback n) {
                user = n.getDefaultName();
            } else if (c instanceof RealmCallback r) {
                r.setText(r.getDefaultText());
            }
        }
        for (Callback c : callbacks) {
            if (c instanceof PasswordCallback pc) {
                char[] password;
                try {
                    password = PasswordFile.password(settings.passwdFile(), user);
                } catch (IOException e) {
                    rejected = e.getMessage();
                    throw e;
                }
                if (password == null) {
                    rejected = "SASL user '" + user + "' is not in " + settings.passwdFile();
                    password = unguessable();
                }
                pc.setPassword(password);
            } else if (c instanceof AuthorizeCallback ac) {
                // no proxying: a user acts only as itself
                boolean same = ac.getAuthenticationID().equals(ac.getAuthorizationID());
                ac.setAuthorized(same);
                if (same) {
                    ac.setAuthorizedID(ac.getAuthorizationID());
                }
            } else if (!(c instanceof NameCallback) && !(c instanceof RealmCallback)) {
                throw new UnsupportedCallbackException(c);
            }
        }
    }

    private static char[] unguessable() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b).toCharArray();
    }

    /** Forgets the mechanism's state. */
    public void dispose() {
        if (server != null) {
            try {
                server.dispose();
            } catch (SaslException e) {
                // nothing left to release
            }
        }
    }
}

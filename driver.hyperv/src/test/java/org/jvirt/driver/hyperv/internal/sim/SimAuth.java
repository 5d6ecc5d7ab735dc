package org.jvirt.driver.hyperv.internal.sim;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The simulator's HTTP authentication, as WinRM's listener (Microsoft's "Authentication for Remote
 * Connections" and "Installation and configuration for Windows Remote Management": Basic when
 * {@code Auth/Basic} is on, {@code Negotiate} for NTLM by default): a request without an
 * acceptable Authorization gets 401 with a {@code WWW-Authenticate} per scheme offered. Basic is
 * checked on every request; NTLM ({@link SimNtlm}, under the scheme name {@code NTLM} or
 * {@code Negotiate}) takes two round trips and then authenticates the TCP connection, as HTTP.sys
 * does, so later requests on it need no header. A connection is known by its client address and
 * port (the simulator runs on loopback only).
 */
final class SimAuth {
    /** The schemes a listener can offer. */
    enum Scheme {
        BASIC("Basic"), NTLM("NTLM"), NEGOTIATE("Negotiate");

        final String header;

        Scheme(String header) {
            this.header = header;
        }
    }

    /** What to answer: go on (null headers), or 401 with these WWW-Authenticate values. */
    record Outcome(boolean ok, List<String> challenges) {
        static final Outcome OK = new Outcome(true, List.of());
    }

    private final String user;
    private final String password;
    private final SecureRandom random = new SecureRandom();
    private final Map<InetSocketAddress, SimNtlm> handshakes = new HashMap<>();
    private final Set<InetSocketAddress> authenticated = new HashSet<>();
    private volatile Set<Scheme> offered = EnumSet.of(Scheme.BASIC);
    private int ntlmLogins;

    SimAuth(String user, String password) {
        this.user = user;
        this.password = password;
    }

    void offer(Set<Scheme> schemes) {
        offered = EnumSet.copyOf(schemes);
        synchronized (this) {
            authenticated.clear();
            handshakes.clear();
        }
    }

    synchronized Outcome check(InetSocketAddress connection, String authorization) {
        if (authorization == null) {
            return authenticated.contains(connection) ? Outcome.OK : refuse();
        }
        int space = authorization.indexOf(' ');
        String name = space < 0 ? authorization : authorization.substring(0, space);
        String value = space < 0 ? "" : authorization.substring(space + 1).trim();
        Scheme scheme = offered.stream().filter(s -> s.header.equalsIgnoreCase(name)).findFirst().orElse(null);
        if (scheme == null) {
            return refuse();
        }
        byte[] token;
        try {
            token = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            return refuse();
        }
        if (scheme == Scheme.BASIC) {
            byte[] expected = (user + ":" + password).getBytes(StandardCharsets.UTF_8);
            return MessageDigest.isEqual(expected, token) ? Outcome.OK : refuse();
        }
        switch (SimNtlm.type(token)) {
            case 1 -> {
                SimNtlm ntlm = new SimNtlm(random);
                handshakes.put(connection, ntlm);
                authenticated.remove(connection);
                return new Outcome(false, List.of(scheme.header + " "
                        + Base64.getEncoder().encodeToString(ntlm.challenge())));
            }
            case 3 -> {
                SimNtlm ntlm = handshakes.remove(connection);
                if (ntlm != null && ntlm.verify(token, user, password)) {
                    authenticated.add(connection);
                    ntlmLogins++;
                    return Outcome.OK;
                }
                return refuse();
            }
            default -> {
                return refuse();
            }
        }
    }

    /** How many NTLM handshakes succeeded. */
    synchronized int ntlmLogins() {
        return ntlmLogins;
    }

    private Outcome refuse() {
        List<String> challenges = new ArrayList<>();
        for (Scheme scheme : offered) {
            challenges.add(scheme == Scheme.BASIC ? "Basic realm=\"WSMAN\"" : scheme.header);
        }
        return new Outcome(false, challenges);
    }

    @Override
    public String toString() {
        return "SimAuth" + offered.toString().toLowerCase(Locale.ROOT);
    }
}

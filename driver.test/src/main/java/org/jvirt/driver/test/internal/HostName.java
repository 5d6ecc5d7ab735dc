package org.jvirt.driver.test.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * libvirt's {@code virGetHostname}: the name of the machine, looked up on first use (the lookup
 * may ask a resolver, which activation should not wait for) and then kept.
 */
final class HostName {
    private volatile String name;

    String get() {
        String n = name;
        if (n == null) {
            n = lookup();
            name = n;
        }
        return n;
    }

    private static String lookup() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}

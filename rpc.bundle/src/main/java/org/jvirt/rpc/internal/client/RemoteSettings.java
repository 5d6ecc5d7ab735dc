package org.jvirt.rpc.internal.client;

import java.nio.file.Path;

/** The remote driver's settings as plain values ({@link RemoteConfig} without OSGi). */
public record RemoteSettings(long callTimeoutMillis, String defaultSocket, Path keystore, char[] keystorePassword,
                             Path truststore, char[] truststorePassword) {

    public static RemoteSettings defaults() {
        return new RemoteSettings(300_000, "/var/run/libvirt/libvirt-sock", null, new char[0], null, new char[0]);
    }

    public static RemoteSettings of(RemoteConfig c) {
        return new RemoteSettings(c.call_timeout() * 1000L, c.default_socket(),
                c.tls_keystore().isEmpty() ? null : Path.of(c.tls_keystore()), c.tls_keystore_password().toCharArray(),
                c.tls_truststore().isEmpty() ? null : Path.of(c.tls_truststore()),
                c.tls_truststore_password().toCharArray());
    }

    public RemoteSettings withTls(Path keystore, char[] keystorePassword, Path truststore, char[] truststorePassword) {
        return new RemoteSettings(callTimeoutMillis, defaultSocket, keystore, keystorePassword, truststore,
                truststorePassword);
    }
}

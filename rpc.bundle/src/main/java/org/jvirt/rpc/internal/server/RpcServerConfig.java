package org.jvirt.rpc.internal.server;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of jvirtd's libvirt RPC server, PID {@code org.jvirt.rpc}; libvirtd.conf's knobs.
 * DS maps each underscore of a method name to a dot: {@code unix_sock_rw_path()} reads the
 * property {@code unix.sock.rw.path}.
 */
@ObjectClassDefinition(id = "org.jvirt.rpc", name = "jvirt RPC server",
        description = "libvirt's wire protocol for virsh, python3-libvirt and remote jvirt clients")
public @interface RpcServerConfig {

    @AttributeDefinition(description = "Serve libvirt's UNIX sockets (read-write and read-only); on by default, as libvirtd")
    boolean listen_unix() default true;

    @AttributeDefinition(description = "Folder of the UNIX sockets (libvirtd: unix_sock_dir). Empty: the framework property "
            + "jvirt.rpc.unix.sock.dir (jvirtd --libvirt-socket sets it to libvirt's /run/libvirt), else the run "
            + "directory: /run/jvirt for root, $XDG_RUNTIME_DIR/jvirt otherwise, or the property jvirt.run.dir")
    String unix_sock_dir() default "";

    @AttributeDefinition(description = "Read-write UNIX socket; empty: <unix.sock.dir>/libvirt-sock")
    String unix_sock_rw_path() default "";

    @AttributeDefinition(description = "Permissions of the read-write socket, octal (libvirtd: unix_sock_rw_perms)")
    String unix_sock_rw_perms() default "0700";

    @AttributeDefinition(description = "Read-only UNIX socket (state changes refused); empty: <unix.sock.dir>/libvirt-sock-ro")
    String unix_sock_ro_path() default "";

    @AttributeDefinition(description = "Permissions of the read-only socket, octal")
    String unix_sock_ro_perms() default "0777";

    @AttributeDefinition(description = "Listen on TCP (libvirtd: listen_tcp); off by default")
    boolean listen_tcp() default false;

    @AttributeDefinition(description = "TCP address; a non-loopback address needs TLS")
    String listen_addr() default "127.0.0.1";

    @AttributeDefinition(description = "TCP port (libvirtd: tcp_port); 0 picks a free one")
    int tcp_port() default 16509;

    @AttributeDefinition(description = "Listen with TLS (libvirtd: listen_tls)")
    boolean listen_tls() default false;

    @AttributeDefinition(description = "TLS port")
    int tls_port() default 16514;

    @AttributeDefinition(description = "PKCS#12 key store with the server certificate and key")
    String tls_keystore() default "";

    @AttributeDefinition(description = "Key store password", type = AttributeType.PASSWORD)
    String tls_keystore_password() default "";

    @AttributeDefinition(description = "PKCS#12 trust store with the CA that signs client certificates")
    String tls_truststore() default "";

    @AttributeDefinition(description = "Trust store password", type = AttributeType.PASSWORD)
    String tls_truststore_password() default "";

    @AttributeDefinition(description = "Client certificate subject DNs allowed (libvirtd: tls_allowed_dn_list); empty allows any DN the CA signed")
    String[] tls_allowed_dn_list() default {};

    @AttributeDefinition(description = "Authentication on plain TCP: \"sasl\" (libvirtd's default) or \"none\""
            + " (libvirtd: auth_tcp)")
    String auth_tcp() default "sasl";

    @AttributeDefinition(description = "Authentication on TLS besides the client certificate: \"none\" or \"sasl\""
            + " (libvirtd: auth_tls)")
    String auth_tls() default "none";

    @AttributeDefinition(description = "Authentication on the read-write UNIX socket: \"none\" (its permissions"
            + " decide) or \"sasl\" (libvirtd: auth_unix_rw; jvirt has no polkit)")
    String auth_unix_rw() default "none";

    @AttributeDefinition(description = "Authentication on the read-only UNIX socket (libvirtd: auth_unix_ro)")
    String auth_unix_ro() default "none";

    @AttributeDefinition(description = "SASL users: a properties file 'username = password', mode 0600 (DIGEST-MD5"
            + " needs the password itself, as cyrus-sasl's sasldb); empty: SASL refuses everyone")
    String sasl_passwd_file() default "";

    @AttributeDefinition(description = "SASL user names allowed, glob patterns; empty allows every user of the"
            + " password file (libvirtd: sasl_allowed_username_list)")
    String[] sasl_allowed_username_list() default {};

    @AttributeDefinition(description = "Least SASL security strength in bits for plain TCP clients (libvirtd:"
            + " tcp_min_ssf)")
    int tcp_min_ssf() default 56;

    @AttributeDefinition(description = "The DIGEST-MD5 realm offered to SASL clients")
    String sasl_realm() default "jvirt";

    @AttributeDefinition(description = "Maximum concurrent clients over all sockets; more are refused (libvirtd: max_clients)")
    int max_clients() default 5000;

    @AttributeDefinition(description = "Connections waiting to be accepted: the listen backlog (libvirtd: max_queued_clients)")
    int max_queued_clients() default 1000;

    @AttributeDefinition(description = "Accepted clients not yet authenticated (TLS handshakes under way); at the"
            + " limit no more are accepted until one ends; 0 turns it off (libvirtd: max_anonymous_clients)")
    int max_anonymous_clients() default 20;

    @AttributeDefinition(description = "Maximum calls in flight per client, counted until the reply is written; a"
            + " client at the limit is not read from until it drains (libvirtd: max_client_requests)")
    int max_client_requests() default 5;

    @AttributeDefinition(description = "Worker threads started up front (libvirtd: min_workers)")
    int min_workers() default 5;

    @AttributeDefinition(description = "Worker threads running calls at most (libvirtd: max_workers)")
    int max_workers() default 20;

    @AttributeDefinition(description = "Extra workers for high-priority calls (domain destroy) while every worker"
            + " is busy (libvirtd: prio_workers)")
    int prio_workers() default 5;

    @AttributeDefinition(description = "Events queued for a client that does not read them before it is dropped"
            + " (jvirt's own: libvirtd queues them without bound)")
    int max_client_events() default 1000;

    @AttributeDefinition(description = "Seconds of silence before a keepalive ping; 0 or less disables")
    int keepalive_interval() default 5;

    @AttributeDefinition(description = "Unanswered pings before a client is dropped")
    int keepalive_count() default 5;

    @AttributeDefinition(min = "0", description = "Seconds a client's call waits for the jvirt core while it is"
            + " updated or restarted (the client's connection is then reopened on the new core) before it fails")
    long core_wait_seconds() default 15;
}

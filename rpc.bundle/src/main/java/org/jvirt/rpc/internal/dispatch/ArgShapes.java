package org.jvirt.rpc.internal.dispatch;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.wire.SaslData;
import org.jvirt.rpc.internal.xdr.XdrException;
import org.jvirt.rpc.internal.xdr.XdrReader;

/**
 * The XDR types of each served procedure's arguments (its {@code remote_<proc>_args} struct in
 * {@code remote_protocol.x}), so that the dispatcher decodes a call's arguments completely before
 * anything else looks at the call, as libvirtd does: virNetServerProgramDispatchCall decodes the
 * whole payload and answers "Unable to decode message payload" before the procedure runs (before
 * it checks that a connection is open, before it looks a domain up). The handlers then decode the
 * same bytes again into values. Bytes after the arguments are ignored, as libvirtd ignores them.
 * A procedure without an entry here is decoded by its handler alone.
 */
final class ArgShapes {
    /** One argument type: decodes (and drops) one value. */
    enum Arg {
        INT("int") {
            @Override
            void skip(XdrReader r) throws XdrException {
                r.readInt();
            }
        },
        STRING("remote_nonnull_string") {
            @Override
            void skip(XdrReader r) throws XdrException {
                r.readString();
            }
        },
        OPT_STRING("remote_string") {
            @Override
            void skip(XdrReader r) throws XdrException {
                r.readOptString();
            }
        },
        UUID("remote_uuid") {
            @Override
            void skip(XdrReader r) throws XdrException {
                r.readUuid();
            }
        },
        DOMAIN("remote_nonnull_domain") {
            @Override
            void skip(XdrReader r) throws XdrException {
                STRING.skip(r);
                UUID.skip(r);
                INT.skip(r);
            }
        },
        OPT_DOMAIN("remote_domain") {
            @Override
            void skip(XdrReader r) throws XdrException {
                if (r.readBool()) {
                    DOMAIN.skip(r);
                }
            }
        },
        HYPER("unsigned hyper") {
            @Override
            void skip(XdrReader r) throws XdrException {
                r.readHyper();
            }
        },
        SIGNED_HYPER("hyper") {
            @Override
            void skip(XdrReader r) throws XdrException {
                r.readHyper();
            }
        },
        DOMAINS("remote_nonnull_domain<" + RemoteProc.DOMAIN_LIST_MAX + ">") {
            @Override
            void skip(XdrReader r) throws XdrException {
                // A name, a UUID and an id: at least 24 bytes each.
                int n = r.readCount(RemoteProc.DOMAIN_LIST_MAX, 24, "domains");
                for (int k = 0; k < n; k++) {
                    DOMAIN.skip(r);
                }
            }
        },
        POOL("remote_nonnull_storage_pool") {
            @Override
            void skip(XdrReader r) throws XdrException {
                STRING.skip(r);
                UUID.skip(r);
            }
        },
        OPT_POOL("remote_storage_pool") {
            @Override
            void skip(XdrReader r) throws XdrException {
                if (r.readBool()) {
                    POOL.skip(r);
                }
            }
        },
        VOL("remote_nonnull_storage_vol") {
            @Override
            void skip(XdrReader r) throws XdrException {
                STRING.skip(r);
                STRING.skip(r);
                STRING.skip(r);
            }
        },
        SNAPSHOT("remote_nonnull_domain_snapshot") {
            @Override
            void skip(XdrReader r) throws XdrException {
                STRING.skip(r);
                DOMAIN.skip(r);
            }
        },
        SECRET("remote_nonnull_secret") {
            @Override
            void skip(XdrReader r) throws XdrException {
                UUID.skip(r);
                INT.skip(r);
                STRING.skip(r);
            }
        },
        OPT_SECRET("remote_secret") {
            @Override
            void skip(XdrReader r) throws XdrException {
                if (r.readBool()) {
                    SECRET.skip(r);
                }
            }
        },
        NETWORK("remote_nonnull_network") {
            @Override
            void skip(XdrReader r) throws XdrException {
                STRING.skip(r);
                UUID.skip(r);
            }
        },
        OPT_NETWORK("remote_network") {
            @Override
            void skip(XdrReader r) throws XdrException {
                if (r.readBool()) {
                    NETWORK.skip(r);
                }
            }
        },
        NETWORK_PORT("remote_nonnull_network_port") {
            @Override
            void skip(XdrReader r) throws XdrException {
                NETWORK.skip(r);
                UUID.skip(r);
            }
        },
        SECRET_VALUE("opaque<" + RemoteProc.SECRET_VALUE_MAX + ">") {
            @Override
            void skip(XdrReader r) throws XdrException {
                r.readOpaque(RemoteProc.SECRET_VALUE_MAX);
            }
        },
        SCHEDULER_PARAMS(TypedParamsArg.declared(RemoteProc.DOMAIN_SCHEDULER_PARAMETERS_MAX)) {
            @Override
            void skip(XdrReader r) throws XdrException {
                TypedParamsArg.skip(r, RemoteProc.DOMAIN_SCHEDULER_PARAMETERS_MAX);
            }
        },
        MEMORY_PARAMS(TypedParamsArg.declared(RemoteProc.DOMAIN_MEMORY_PARAMETERS_MAX)) {
            @Override
            void skip(XdrReader r) throws XdrException {
                TypedParamsArg.skip(r, RemoteProc.DOMAIN_MEMORY_PARAMETERS_MAX);
            }
        },
        BLKIO_PARAMS(TypedParamsArg.declared(RemoteProc.DOMAIN_BLKIO_PARAMETERS_MAX)) {
            @Override
            void skip(XdrReader r) throws XdrException {
                TypedParamsArg.skip(r, RemoteProc.DOMAIN_BLKIO_PARAMETERS_MAX);
            }
        },
        PORT_PARAMS(TypedParamsArg.declared(RemoteProc.NETWORK_PORT_PARAMETERS_MAX)) {
            @Override
            void skip(XdrReader r) throws XdrException {
                TypedParamsArg.skip(r, RemoteProc.NETWORK_PORT_PARAMETERS_MAX);
            }
        },
        KEYCODES("int<" + RemoteProc.DOMAIN_SEND_KEY_MAX + ">") {
            @Override
            void skip(XdrReader r) throws XdrException {
                int n = r.readCount(RemoteProc.DOMAIN_SEND_KEY_MAX, 4, "keycodes");
                for (int k = 0; k < n; k++) {
                    r.readInt();
                }
            }
        },
        CPUMAP("opaque<" + RemoteProc.CPUMAP_MAX + ">") {
            @Override
            void skip(XdrReader r) throws XdrException {
                r.readOpaque(RemoteProc.CPUMAP_MAX);
            }
        },
        SASL_DATA("char<" + SaslData.MAX + ">") {
            @Override
            void skip(XdrReader r) throws XdrException {
                SaslData.read(r);
            }
        };

        /** The type as remote_protocol.x declares it (bounds as numbers), for the test that checks this table. */
        final String xdrType;

        Arg(String xdrType) {
            this.xdrType = xdrType;
        }

        abstract void skip(XdrReader r) throws XdrException;
    }

    private final Map<Integer, List<Arg>> byProc = new HashMap<>();

    ArgShapes() {
        Arg i = Arg.INT;
        Arg dom = Arg.DOMAIN;
        put(List.of(), RemoteProc.AUTH_LIST, RemoteProc.AUTH_SASL_INIT, RemoteProc.AUTH_POLKIT,
                RemoteProc.CONNECT_CLOSE, RemoteProc.CONNECT_REGISTER_CLOSE_CALLBACK,
                RemoteProc.CONNECT_UNREGISTER_CLOSE_CALLBACK, RemoteProc.CONNECT_GET_TYPE,
                RemoteProc.CONNECT_GET_VERSION, RemoteProc.CONNECT_GET_LIB_VERSION, RemoteProc.CONNECT_GET_HOSTNAME,
                RemoteProc.CONNECT_GET_URI, RemoteProc.CONNECT_GET_CAPABILITIES, RemoteProc.CONNECT_IS_SECURE,
                RemoteProc.NODE_GET_INFO, RemoteProc.CONNECT_NUM_OF_DOMAINS, RemoteProc.CONNECT_NUM_OF_DEFINED_DOMAINS,
                RemoteProc.CONNECT_DOMAIN_EVENT_REGISTER, RemoteProc.CONNECT_DOMAIN_EVENT_DEREGISTER);
        put(List.of(Arg.STRING, i, Arg.SASL_DATA), RemoteProc.AUTH_SASL_START);
        put(List.of(i, Arg.SASL_DATA), RemoteProc.AUTH_SASL_STEP);
        put(List.of(i), RemoteProc.CONNECT_SUPPORTS_FEATURE, RemoteProc.CONNECT_LIST_DOMAINS,
                RemoteProc.CONNECT_LIST_DEFINED_DOMAINS, RemoteProc.DOMAIN_LOOKUP_BY_ID,
                RemoteProc.CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY, RemoteProc.CONNECT_DOMAIN_EVENT_REGISTER_ANY,
                RemoteProc.CONNECT_DOMAIN_EVENT_DEREGISTER_ANY);
        put(List.of(Arg.OPT_STRING, i), RemoteProc.CONNECT_OPEN);
        put(List.of(Arg.OPT_STRING), RemoteProc.CONNECT_GET_MAX_VCPUS);
        put(List.of(i, i, i), RemoteProc.NODE_GET_CPU_MAP);
        put(List.of(Arg.STRING, Arg.STRING, i), RemoteProc.CONNECT_DOMAIN_XML_TO_NATIVE,
                RemoteProc.CONNECT_DOMAIN_XML_FROM_NATIVE);
        put(List.of(dom, Arg.OPT_STRING, i), RemoteProc.DOMAIN_OPEN_CONSOLE);
        put(List.of(Arg.OPT_STRING, Arg.OPT_STRING, Arg.OPT_STRING, Arg.OPT_STRING, i),
                RemoteProc.CONNECT_GET_DOMAIN_CAPABILITIES);
        put(List.of(i, i), RemoteProc.CONNECT_LIST_ALL_DOMAINS);
        put(List.of(Arg.STRING), RemoteProc.DOMAIN_LOOKUP_BY_NAME, RemoteProc.DOMAIN_DEFINE_XML);
        put(List.of(Arg.UUID), RemoteProc.DOMAIN_LOOKUP_BY_UUID);
        put(List.of(dom), RemoteProc.DOMAIN_GET_INFO, RemoteProc.DOMAIN_GET_OS_TYPE, RemoteProc.DOMAIN_GET_MAX_MEMORY,
                RemoteProc.DOMAIN_IS_ACTIVE, RemoteProc.DOMAIN_IS_PERSISTENT, RemoteProc.DOMAIN_IS_UPDATED,
                RemoteProc.DOMAIN_GET_AUTOSTART, RemoteProc.DOMAIN_CREATE, RemoteProc.DOMAIN_UNDEFINE,
                RemoteProc.DOMAIN_DESTROY, RemoteProc.DOMAIN_SHUTDOWN, RemoteProc.DOMAIN_SUSPEND,
                RemoteProc.DOMAIN_RESUME, RemoteProc.DOMAIN_GET_MAX_VCPUS);
        put(List.of(dom, i), RemoteProc.DOMAIN_GET_STATE, RemoteProc.DOMAIN_HAS_MANAGED_SAVE_IMAGE,
                RemoteProc.DOMAIN_MANAGED_SAVE, RemoteProc.DOMAIN_MANAGED_SAVE_REMOVE,
                RemoteProc.DOMAIN_GET_XML_DESC, RemoteProc.DOMAIN_SET_AUTOSTART, RemoteProc.DOMAIN_CREATE_WITH_FLAGS,
                RemoteProc.DOMAIN_UNDEFINE_FLAGS, RemoteProc.DOMAIN_DESTROY_FLAGS, RemoteProc.DOMAIN_SHUTDOWN_FLAGS,
                RemoteProc.DOMAIN_REBOOT, RemoteProc.DOMAIN_RESET, RemoteProc.DOMAIN_GET_VCPUS_FLAGS);
        put(List.of(i, Arg.OPT_DOMAIN), RemoteProc.CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY);
        put(List.of(Arg.STRING, i), RemoteProc.DOMAIN_CREATE_XML, RemoteProc.DOMAIN_DEFINE_XML_FLAGS);
        put(List.of(dom, i, i), RemoteProc.DOMAIN_GET_VCPUS);
        put(List.of(dom, i, i, i), RemoteProc.DOMAIN_GET_VCPU_PIN_INFO);
        put(List.of(dom, i, Arg.CPUMAP), RemoteProc.DOMAIN_PIN_VCPU);
        put(List.of(dom, i, Arg.CPUMAP, i), RemoteProc.DOMAIN_PIN_VCPU_FLAGS);
        secretsAndSecurity();
        networks();
        tuningAndResize();
        snapshots();
        storage();
    }

    private void storage() {
        Arg i = Arg.INT;
        Arg pool = Arg.POOL;
        Arg vol = Arg.VOL;
        put(List.of(), RemoteProc.CONNECT_NUM_OF_STORAGE_POOLS, RemoteProc.CONNECT_NUM_OF_DEFINED_STORAGE_POOLS);
        put(List.of(i), RemoteProc.CONNECT_LIST_STORAGE_POOLS, RemoteProc.CONNECT_LIST_DEFINED_STORAGE_POOLS,
                RemoteProc.CONNECT_STORAGE_POOL_EVENT_DEREGISTER_ANY);
        put(List.of(i, i), RemoteProc.CONNECT_LIST_ALL_STORAGE_POOLS);
        put(List.of(Arg.STRING), RemoteProc.STORAGE_POOL_LOOKUP_BY_NAME, RemoteProc.STORAGE_POOL_LOOKUP_BY_TARGET_PATH,
                RemoteProc.STORAGE_VOL_LOOKUP_BY_KEY, RemoteProc.STORAGE_VOL_LOOKUP_BY_PATH);
        put(List.of(Arg.UUID), RemoteProc.STORAGE_POOL_LOOKUP_BY_UUID);
        put(List.of(vol), RemoteProc.STORAGE_POOL_LOOKUP_BY_VOLUME, RemoteProc.STORAGE_VOL_GET_INFO,
                RemoteProc.STORAGE_VOL_GET_PATH);
        put(List.of(Arg.STRING, i), RemoteProc.STORAGE_POOL_CREATE_XML, RemoteProc.STORAGE_POOL_DEFINE_XML);
        put(List.of(pool, i), RemoteProc.STORAGE_POOL_CREATE, RemoteProc.STORAGE_POOL_BUILD,
                RemoteProc.STORAGE_POOL_DELETE, RemoteProc.STORAGE_POOL_REFRESH, RemoteProc.STORAGE_POOL_GET_XML_DESC,
                RemoteProc.STORAGE_POOL_SET_AUTOSTART, RemoteProc.STORAGE_POOL_LIST_VOLUMES);
        put(List.of(pool), RemoteProc.STORAGE_POOL_DESTROY, RemoteProc.STORAGE_POOL_UNDEFINE,
                RemoteProc.STORAGE_POOL_GET_INFO, RemoteProc.STORAGE_POOL_GET_AUTOSTART, RemoteProc.STORAGE_POOL_IS_ACTIVE,
                RemoteProc.STORAGE_POOL_IS_PERSISTENT, RemoteProc.STORAGE_POOL_NUM_OF_VOLUMES);
        put(List.of(pool, i, i), RemoteProc.STORAGE_POOL_LIST_ALL_VOLUMES);
        put(List.of(pool, Arg.STRING), RemoteProc.STORAGE_VOL_LOOKUP_BY_NAME);
        put(List.of(pool, Arg.STRING, i), RemoteProc.STORAGE_VOL_CREATE_XML);
        put(List.of(pool, Arg.STRING, vol, i), RemoteProc.STORAGE_VOL_CREATE_XML_FROM);
        put(List.of(vol, i), RemoteProc.STORAGE_VOL_DELETE, RemoteProc.STORAGE_VOL_WIPE,
                RemoteProc.STORAGE_VOL_GET_INFO_FLAGS, RemoteProc.STORAGE_VOL_GET_XML_DESC);
        put(List.of(vol, Arg.HYPER, i), RemoteProc.STORAGE_VOL_RESIZE);
        put(List.of(vol, Arg.HYPER, Arg.HYPER, i), RemoteProc.STORAGE_VOL_UPLOAD, RemoteProc.STORAGE_VOL_DOWNLOAD);
        put(List.of(i, Arg.OPT_POOL), RemoteProc.CONNECT_STORAGE_POOL_EVENT_REGISTER_ANY);
    }

    private void networks() {
        Arg i = Arg.INT;
        Arg net = Arg.NETWORK;
        put(List.of(), RemoteProc.CONNECT_NUM_OF_NETWORKS, RemoteProc.CONNECT_NUM_OF_DEFINED_NETWORKS);
        put(List.of(i), RemoteProc.CONNECT_LIST_NETWORKS, RemoteProc.CONNECT_LIST_DEFINED_NETWORKS);
        put(List.of(i, i), RemoteProc.CONNECT_LIST_ALL_NETWORKS);
        put(List.of(Arg.STRING), RemoteProc.NETWORK_LOOKUP_BY_NAME, RemoteProc.NETWORK_CREATE_XML,
                RemoteProc.NETWORK_DEFINE_XML);
        put(List.of(Arg.UUID), RemoteProc.NETWORK_LOOKUP_BY_UUID);
        put(List.of(Arg.STRING, i), RemoteProc.NETWORK_DEFINE_XML_FLAGS, RemoteProc.NETWORK_CREATE_XML_FLAGS);
        put(List.of(net), RemoteProc.NETWORK_CREATE, RemoteProc.NETWORK_DESTROY, RemoteProc.NETWORK_UNDEFINE,
                RemoteProc.NETWORK_GET_BRIDGE_NAME, RemoteProc.NETWORK_GET_AUTOSTART, RemoteProc.NETWORK_IS_ACTIVE,
                RemoteProc.NETWORK_IS_PERSISTENT);
        put(List.of(net, i), RemoteProc.NETWORK_GET_XML_DESC, RemoteProc.NETWORK_SET_AUTOSTART);
        put(List.of(net, i, i, i, Arg.STRING, i), RemoteProc.NETWORK_UPDATE);
        put(List.of(net, Arg.OPT_STRING, i, i), RemoteProc.NETWORK_GET_DHCP_LEASES);
        put(List.of(i, Arg.OPT_NETWORK), RemoteProc.CONNECT_NETWORK_EVENT_REGISTER_ANY);
        put(List.of(i), RemoteProc.CONNECT_NETWORK_EVENT_DEREGISTER_ANY);
        Arg port = Arg.NETWORK_PORT;
        put(List.of(net, i, i), RemoteProc.NETWORK_LIST_ALL_PORTS);
        put(List.of(net, Arg.UUID), RemoteProc.NETWORK_PORT_LOOKUP_BY_UUID);
        put(List.of(net, Arg.STRING, i), RemoteProc.NETWORK_PORT_CREATE_XML);
        put(List.of(port, i, i), RemoteProc.NETWORK_PORT_GET_PARAMETERS);
        put(List.of(port, Arg.PORT_PARAMS, i), RemoteProc.NETWORK_PORT_SET_PARAMETERS);
        put(List.of(port, i), RemoteProc.NETWORK_PORT_GET_XML_DESC, RemoteProc.NETWORK_PORT_DELETE);
    }

    private void secretsAndSecurity() {
        Arg i = Arg.INT;
        Arg secret = Arg.SECRET;
        put(List.of(), RemoteProc.CONNECT_NUM_OF_SECRETS, RemoteProc.NODE_GET_SECURITY_MODEL);
        put(List.of(i), RemoteProc.CONNECT_LIST_SECRETS, RemoteProc.CONNECT_SECRET_EVENT_DEREGISTER_ANY);
        put(List.of(i, i), RemoteProc.CONNECT_LIST_ALL_SECRETS);
        put(List.of(Arg.UUID), RemoteProc.SECRET_LOOKUP_BY_UUID);
        put(List.of(i, Arg.STRING), RemoteProc.SECRET_LOOKUP_BY_USAGE);
        put(List.of(Arg.STRING, i), RemoteProc.SECRET_DEFINE_XML);
        put(List.of(secret, i), RemoteProc.SECRET_GET_XML_DESC, RemoteProc.SECRET_GET_VALUE);
        put(List.of(secret, Arg.SECRET_VALUE, i), RemoteProc.SECRET_SET_VALUE);
        put(List.of(secret), RemoteProc.SECRET_UNDEFINE);
        put(List.of(i, Arg.OPT_SECRET), RemoteProc.CONNECT_SECRET_EVENT_REGISTER_ANY);
        put(List.of(Arg.DOMAIN), RemoteProc.DOMAIN_GET_SECURITY_LABEL, RemoteProc.DOMAIN_GET_SECURITY_LABEL_LIST);
    }

    private void tuningAndResize() {
        Arg i = Arg.INT;
        Arg dom = Arg.DOMAIN;
        put(List.of(dom), RemoteProc.DOMAIN_GET_SCHEDULER_TYPE);
        put(List.of(dom, i), RemoteProc.DOMAIN_GET_SCHEDULER_PARAMETERS, RemoteProc.DOMAIN_SET_VCPUS);
        put(List.of(dom, i, i), RemoteProc.DOMAIN_GET_SCHEDULER_PARAMETERS_FLAGS,
                RemoteProc.DOMAIN_GET_MEMORY_PARAMETERS, RemoteProc.DOMAIN_GET_BLKIO_PARAMETERS,
                RemoteProc.DOMAIN_GET_EMULATOR_PIN_INFO, RemoteProc.DOMAIN_SET_MEMORY_STATS_PERIOD,
                RemoteProc.DOMAIN_SET_VCPUS_FLAGS, RemoteProc.DOMAIN_MEMORY_STATS);
        put(List.of(dom, Arg.SCHEDULER_PARAMS), RemoteProc.DOMAIN_SET_SCHEDULER_PARAMETERS);
        put(List.of(dom, Arg.SCHEDULER_PARAMS, i), RemoteProc.DOMAIN_SET_SCHEDULER_PARAMETERS_FLAGS);
        put(List.of(dom, Arg.MEMORY_PARAMS, i), RemoteProc.DOMAIN_SET_MEMORY_PARAMETERS);
        put(List.of(dom, Arg.BLKIO_PARAMS, i), RemoteProc.DOMAIN_SET_BLKIO_PARAMETERS);
        put(List.of(dom, Arg.CPUMAP, i), RemoteProc.DOMAIN_PIN_EMULATOR);
        put(List.of(dom, Arg.HYPER), RemoteProc.DOMAIN_SET_MEMORY, RemoteProc.DOMAIN_SET_MAX_MEMORY);
        put(List.of(dom, Arg.HYPER, i), RemoteProc.DOMAIN_SET_MEMORY_FLAGS);
        put(List.of(Arg.DOMAINS, i, i), RemoteProc.CONNECT_GET_ALL_DOMAIN_STATS);
        put(List.of(dom, Arg.STRING), RemoteProc.DOMAIN_INTERFACE_STATS);
        put(List.of(dom, i, i), RemoteProc.DOMAIN_INTERFACE_ADDRESSES);
        put(List.of(dom, Arg.SIGNED_HYPER, i, i), RemoteProc.DOMAIN_SEND_PROCESS_SIGNAL);
        put(List.of(dom, i, i, Arg.KEYCODES, i), RemoteProc.DOMAIN_SEND_KEY);
    }

    private void snapshots() {
        Arg i = Arg.INT;
        Arg dom = Arg.DOMAIN;
        Arg snap = Arg.SNAPSHOT;
        put(List.of(dom, Arg.STRING, i), RemoteProc.DOMAIN_SNAPSHOT_CREATE_XML, RemoteProc.DOMAIN_SNAPSHOT_LOOKUP_BY_NAME);
        put(List.of(dom, i), RemoteProc.DOMAIN_SNAPSHOT_NUM, RemoteProc.DOMAIN_HAS_CURRENT_SNAPSHOT,
                RemoteProc.DOMAIN_SNAPSHOT_CURRENT);
        put(List.of(dom, i, i), RemoteProc.DOMAIN_SNAPSHOT_LIST_NAMES, RemoteProc.DOMAIN_LIST_ALL_SNAPSHOTS);
        put(List.of(snap, i), RemoteProc.DOMAIN_SNAPSHOT_GET_XML_DESC, RemoteProc.DOMAIN_REVERT_TO_SNAPSHOT,
                RemoteProc.DOMAIN_SNAPSHOT_DELETE, RemoteProc.DOMAIN_SNAPSHOT_GET_PARENT,
                RemoteProc.DOMAIN_SNAPSHOT_NUM_CHILDREN, RemoteProc.DOMAIN_SNAPSHOT_IS_CURRENT,
                RemoteProc.DOMAIN_SNAPSHOT_HAS_METADATA);
        put(List.of(snap, i, i), RemoteProc.DOMAIN_SNAPSHOT_LIST_CHILDREN_NAMES,
                RemoteProc.DOMAIN_SNAPSHOT_LIST_ALL_CHILDREN);
    }

    private void put(List<Arg> args, int... procs) {
        for (int p : procs) {
            if (byProc.put(p, args) != null) {
                throw new IllegalStateException("arguments of procedure " + p + " declared twice");
            }
        }
    }

    /** The argument types of {@code proc}, or null when this table does not know them. */
    List<Arg> of(int proc) {
        return byProc.get(proc);
    }

    /** Decodes the arguments of {@code proc} from {@code args}, failing as libvirtd's decoder fails. */
    void decode(int proc, XdrReader args) throws XdrException {
        List<Arg> shape = byProc.get(proc);
        if (shape != null) {
            for (Arg a : shape) {
                a.skip(args);
            }
        }
    }
}

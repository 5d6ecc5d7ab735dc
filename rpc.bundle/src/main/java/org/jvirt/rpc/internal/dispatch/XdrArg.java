package org.jvirt.rpc.internal.dispatch;

import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.wire.SaslData;
import org.jvirt.rpc.internal.xdr.XdrException;
import org.jvirt.rpc.internal.xdr.XdrReader;

/**
 * One XDR argument type of {@code remote_protocol.x}, as {@link ArgShapes} lists a procedure's
 * arguments: decodes (and drops) one value.
 */
enum XdrArg {
    INT("int") {
        @Override
        void skip(XdrReader r) throws XdrException {
            r.readInt();
        }
    },
    STRING("remote_nonnull_string") {
        @Override
        void skip(XdrReader r) throws XdrException {
            r.skipString(XdrReader.STRING_MAX);
        }
    },
    OPT_STRING("remote_string") {
        @Override
        void skip(XdrReader r) throws XdrException {
            r.skipOptString();
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
    INTERFACE_PARAMS(TypedParamsArg.declared(RemoteProc.DOMAIN_INTERFACE_PARAMETERS_MAX)) {
        @Override
        void skip(XdrReader r) throws XdrException {
            TypedParamsArg.skip(r, RemoteProc.DOMAIN_INTERFACE_PARAMETERS_MAX);
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

    XdrArg(String xdrType) {
        this.xdrType = xdrType;
    }

    abstract void skip(XdrReader r) throws XdrException;
}

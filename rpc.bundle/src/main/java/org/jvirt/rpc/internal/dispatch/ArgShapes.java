package org.jvirt.rpc.internal.dispatch;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.xdr.XdrException;
import org.jvirt.rpc.internal.xdr.XdrReader;

/**
 * The XDR types of each served procedure's arguments (its {@code remote_<proc>_args} struct in
 * {@code remote_protocol.x}), so that a call's outcome is the one libvirtd gives when the arguments
 * do not decode: virNetServerProgramDispatchCall decodes the whole payload and answers "Unable to
 * decode message payload" before the procedure runs (before it checks that a connection is open,
 * before it looks a domain up). The handlers decode their arguments themselves, all of them before
 * they act; the dispatcher decodes with this table only the arguments of a call that failed, whose
 * failure the decode error then replaces ({@link Dispatcher}). Bytes after the arguments are
 * ignored, as libvirtd ignores them. A procedure without an entry here is decoded by its handler alone.
 */
final class ArgShapes {
    private final Map<Integer, List<XdrArg>> byProc = new HashMap<>();

    ArgShapes() {
        XdrArg i = XdrArg.INT;
        XdrArg dom = XdrArg.DOMAIN;
        put(List.of(), RemoteProc.AUTH_LIST, RemoteProc.AUTH_SASL_INIT, RemoteProc.AUTH_POLKIT,
                RemoteProc.CONNECT_CLOSE, RemoteProc.CONNECT_REGISTER_CLOSE_CALLBACK,
                RemoteProc.CONNECT_UNREGISTER_CLOSE_CALLBACK, RemoteProc.CONNECT_GET_TYPE,
                RemoteProc.CONNECT_GET_VERSION, RemoteProc.CONNECT_GET_LIB_VERSION, RemoteProc.CONNECT_GET_HOSTNAME,
                RemoteProc.CONNECT_GET_URI, RemoteProc.CONNECT_GET_CAPABILITIES, RemoteProc.CONNECT_IS_SECURE,
                RemoteProc.NODE_GET_INFO, RemoteProc.CONNECT_NUM_OF_DOMAINS, RemoteProc.CONNECT_NUM_OF_DEFINED_DOMAINS,
                RemoteProc.CONNECT_DOMAIN_EVENT_REGISTER, RemoteProc.CONNECT_DOMAIN_EVENT_DEREGISTER);
        put(List.of(XdrArg.STRING, i, XdrArg.SASL_DATA), RemoteProc.AUTH_SASL_START);
        put(List.of(i, XdrArg.SASL_DATA), RemoteProc.AUTH_SASL_STEP);
        put(List.of(i), RemoteProc.CONNECT_SUPPORTS_FEATURE, RemoteProc.CONNECT_LIST_DOMAINS,
                RemoteProc.CONNECT_LIST_DEFINED_DOMAINS, RemoteProc.DOMAIN_LOOKUP_BY_ID,
                RemoteProc.CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY, RemoteProc.CONNECT_DOMAIN_EVENT_REGISTER_ANY,
                RemoteProc.CONNECT_DOMAIN_EVENT_DEREGISTER_ANY);
        put(List.of(XdrArg.OPT_STRING, i), RemoteProc.CONNECT_OPEN);
        put(List.of(XdrArg.OPT_STRING), RemoteProc.CONNECT_GET_MAX_VCPUS);
        put(List.of(i, i, i), RemoteProc.NODE_GET_CPU_MAP);
        put(List.of(XdrArg.STRING, XdrArg.STRING, i), RemoteProc.CONNECT_DOMAIN_XML_TO_NATIVE,
                RemoteProc.CONNECT_DOMAIN_XML_FROM_NATIVE);
        put(List.of(dom, XdrArg.OPT_STRING, i), RemoteProc.DOMAIN_OPEN_CONSOLE);
        put(List.of(XdrArg.OPT_STRING, XdrArg.OPT_STRING, XdrArg.OPT_STRING, XdrArg.OPT_STRING, i),
                RemoteProc.CONNECT_GET_DOMAIN_CAPABILITIES);
        put(List.of(i, i), RemoteProc.CONNECT_LIST_ALL_DOMAINS);
        put(List.of(XdrArg.STRING), RemoteProc.DOMAIN_LOOKUP_BY_NAME, RemoteProc.DOMAIN_DEFINE_XML);
        put(List.of(XdrArg.UUID), RemoteProc.DOMAIN_LOOKUP_BY_UUID);
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
        put(List.of(i, XdrArg.OPT_DOMAIN), RemoteProc.CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY);
        put(List.of(XdrArg.STRING, i), RemoteProc.DOMAIN_CREATE_XML, RemoteProc.DOMAIN_DEFINE_XML_FLAGS);
        put(List.of(dom, i, i), RemoteProc.DOMAIN_GET_VCPUS);
        put(List.of(dom, i, i, i), RemoteProc.DOMAIN_GET_VCPU_PIN_INFO);
        put(List.of(dom, i, XdrArg.CPUMAP), RemoteProc.DOMAIN_PIN_VCPU);
        put(List.of(dom, i, XdrArg.CPUMAP, i), RemoteProc.DOMAIN_PIN_VCPU_FLAGS);
        secretsAndSecurity();
        networks();
        tuningAndResize();
        snapshots();
        storage();
    }

    private void storage() {
        XdrArg i = XdrArg.INT;
        XdrArg pool = XdrArg.POOL;
        XdrArg vol = XdrArg.VOL;
        put(List.of(), RemoteProc.CONNECT_NUM_OF_STORAGE_POOLS, RemoteProc.CONNECT_NUM_OF_DEFINED_STORAGE_POOLS);
        put(List.of(i), RemoteProc.CONNECT_LIST_STORAGE_POOLS, RemoteProc.CONNECT_LIST_DEFINED_STORAGE_POOLS,
                RemoteProc.CONNECT_STORAGE_POOL_EVENT_DEREGISTER_ANY);
        put(List.of(i, i), RemoteProc.CONNECT_LIST_ALL_STORAGE_POOLS);
        put(List.of(XdrArg.STRING), RemoteProc.STORAGE_POOL_LOOKUP_BY_NAME, RemoteProc.STORAGE_POOL_LOOKUP_BY_TARGET_PATH,
                RemoteProc.STORAGE_VOL_LOOKUP_BY_KEY, RemoteProc.STORAGE_VOL_LOOKUP_BY_PATH);
        put(List.of(XdrArg.UUID), RemoteProc.STORAGE_POOL_LOOKUP_BY_UUID);
        put(List.of(vol), RemoteProc.STORAGE_POOL_LOOKUP_BY_VOLUME, RemoteProc.STORAGE_VOL_GET_INFO,
                RemoteProc.STORAGE_VOL_GET_PATH);
        put(List.of(XdrArg.STRING, i), RemoteProc.STORAGE_POOL_CREATE_XML, RemoteProc.STORAGE_POOL_DEFINE_XML);
        put(List.of(pool, i), RemoteProc.STORAGE_POOL_CREATE, RemoteProc.STORAGE_POOL_BUILD,
                RemoteProc.STORAGE_POOL_DELETE, RemoteProc.STORAGE_POOL_REFRESH, RemoteProc.STORAGE_POOL_GET_XML_DESC,
                RemoteProc.STORAGE_POOL_SET_AUTOSTART, RemoteProc.STORAGE_POOL_LIST_VOLUMES);
        put(List.of(pool), RemoteProc.STORAGE_POOL_DESTROY, RemoteProc.STORAGE_POOL_UNDEFINE,
                RemoteProc.STORAGE_POOL_GET_INFO, RemoteProc.STORAGE_POOL_GET_AUTOSTART, RemoteProc.STORAGE_POOL_IS_ACTIVE,
                RemoteProc.STORAGE_POOL_IS_PERSISTENT, RemoteProc.STORAGE_POOL_NUM_OF_VOLUMES);
        put(List.of(pool, i, i), RemoteProc.STORAGE_POOL_LIST_ALL_VOLUMES);
        put(List.of(pool, XdrArg.STRING), RemoteProc.STORAGE_VOL_LOOKUP_BY_NAME);
        put(List.of(pool, XdrArg.STRING, i), RemoteProc.STORAGE_VOL_CREATE_XML);
        put(List.of(pool, XdrArg.STRING, vol, i), RemoteProc.STORAGE_VOL_CREATE_XML_FROM);
        put(List.of(vol, i), RemoteProc.STORAGE_VOL_DELETE, RemoteProc.STORAGE_VOL_WIPE,
                RemoteProc.STORAGE_VOL_GET_INFO_FLAGS, RemoteProc.STORAGE_VOL_GET_XML_DESC);
        put(List.of(vol, XdrArg.HYPER, i), RemoteProc.STORAGE_VOL_RESIZE);
        put(List.of(vol, XdrArg.HYPER, XdrArg.HYPER, i), RemoteProc.STORAGE_VOL_UPLOAD, RemoteProc.STORAGE_VOL_DOWNLOAD);
        put(List.of(i, XdrArg.OPT_POOL), RemoteProc.CONNECT_STORAGE_POOL_EVENT_REGISTER_ANY);
    }

    private void networks() {
        XdrArg i = XdrArg.INT;
        XdrArg net = XdrArg.NETWORK;
        put(List.of(), RemoteProc.CONNECT_NUM_OF_NETWORKS, RemoteProc.CONNECT_NUM_OF_DEFINED_NETWORKS);
        put(List.of(i), RemoteProc.CONNECT_LIST_NETWORKS, RemoteProc.CONNECT_LIST_DEFINED_NETWORKS);
        put(List.of(i, i), RemoteProc.CONNECT_LIST_ALL_NETWORKS);
        put(List.of(XdrArg.STRING), RemoteProc.NETWORK_LOOKUP_BY_NAME, RemoteProc.NETWORK_CREATE_XML,
                RemoteProc.NETWORK_DEFINE_XML);
        put(List.of(XdrArg.UUID), RemoteProc.NETWORK_LOOKUP_BY_UUID);
        put(List.of(XdrArg.STRING, i), RemoteProc.NETWORK_DEFINE_XML_FLAGS, RemoteProc.NETWORK_CREATE_XML_FLAGS);
        put(List.of(net), RemoteProc.NETWORK_CREATE, RemoteProc.NETWORK_DESTROY, RemoteProc.NETWORK_UNDEFINE,
                RemoteProc.NETWORK_GET_BRIDGE_NAME, RemoteProc.NETWORK_GET_AUTOSTART, RemoteProc.NETWORK_IS_ACTIVE,
                RemoteProc.NETWORK_IS_PERSISTENT);
        put(List.of(net, i), RemoteProc.NETWORK_GET_XML_DESC, RemoteProc.NETWORK_SET_AUTOSTART);
        put(List.of(net, i, i, i, XdrArg.STRING, i), RemoteProc.NETWORK_UPDATE);
        put(List.of(net, XdrArg.OPT_STRING, i, i), RemoteProc.NETWORK_GET_DHCP_LEASES);
        put(List.of(i, XdrArg.OPT_NETWORK), RemoteProc.CONNECT_NETWORK_EVENT_REGISTER_ANY);
        put(List.of(i), RemoteProc.CONNECT_NETWORK_EVENT_DEREGISTER_ANY);
        XdrArg port = XdrArg.NETWORK_PORT;
        put(List.of(net, i, i), RemoteProc.NETWORK_LIST_ALL_PORTS);
        put(List.of(net, XdrArg.UUID), RemoteProc.NETWORK_PORT_LOOKUP_BY_UUID);
        put(List.of(net, XdrArg.STRING, i), RemoteProc.NETWORK_PORT_CREATE_XML);
        put(List.of(port, i, i), RemoteProc.NETWORK_PORT_GET_PARAMETERS);
        put(List.of(port, XdrArg.PORT_PARAMS, i), RemoteProc.NETWORK_PORT_SET_PARAMETERS);
        put(List.of(port, i), RemoteProc.NETWORK_PORT_GET_XML_DESC, RemoteProc.NETWORK_PORT_DELETE);
    }

    private void secretsAndSecurity() {
        XdrArg i = XdrArg.INT;
        XdrArg secret = XdrArg.SECRET;
        put(List.of(), RemoteProc.CONNECT_NUM_OF_SECRETS, RemoteProc.NODE_GET_SECURITY_MODEL);
        put(List.of(i), RemoteProc.CONNECT_LIST_SECRETS, RemoteProc.CONNECT_SECRET_EVENT_DEREGISTER_ANY);
        put(List.of(i, i), RemoteProc.CONNECT_LIST_ALL_SECRETS);
        put(List.of(XdrArg.UUID), RemoteProc.SECRET_LOOKUP_BY_UUID);
        put(List.of(i, XdrArg.STRING), RemoteProc.SECRET_LOOKUP_BY_USAGE);
        put(List.of(XdrArg.STRING, i), RemoteProc.SECRET_DEFINE_XML);
        put(List.of(secret, i), RemoteProc.SECRET_GET_XML_DESC, RemoteProc.SECRET_GET_VALUE);
        put(List.of(secret, XdrArg.SECRET_VALUE, i), RemoteProc.SECRET_SET_VALUE);
        put(List.of(secret), RemoteProc.SECRET_UNDEFINE);
        put(List.of(i, XdrArg.OPT_SECRET), RemoteProc.CONNECT_SECRET_EVENT_REGISTER_ANY);
        put(List.of(XdrArg.DOMAIN), RemoteProc.DOMAIN_GET_SECURITY_LABEL, RemoteProc.DOMAIN_GET_SECURITY_LABEL_LIST);
    }

    private void tuningAndResize() {
        XdrArg i = XdrArg.INT;
        XdrArg dom = XdrArg.DOMAIN;
        put(List.of(dom), RemoteProc.DOMAIN_GET_SCHEDULER_TYPE);
        put(List.of(dom, i), RemoteProc.DOMAIN_GET_SCHEDULER_PARAMETERS, RemoteProc.DOMAIN_SET_VCPUS);
        put(List.of(dom, i, i), RemoteProc.DOMAIN_GET_SCHEDULER_PARAMETERS_FLAGS,
                RemoteProc.DOMAIN_GET_MEMORY_PARAMETERS, RemoteProc.DOMAIN_GET_BLKIO_PARAMETERS,
                RemoteProc.DOMAIN_GET_EMULATOR_PIN_INFO, RemoteProc.DOMAIN_SET_MEMORY_STATS_PERIOD,
                RemoteProc.DOMAIN_SET_VCPUS_FLAGS, RemoteProc.DOMAIN_MEMORY_STATS);
        put(List.of(dom, XdrArg.SCHEDULER_PARAMS), RemoteProc.DOMAIN_SET_SCHEDULER_PARAMETERS);
        put(List.of(dom, XdrArg.SCHEDULER_PARAMS, i), RemoteProc.DOMAIN_SET_SCHEDULER_PARAMETERS_FLAGS);
        put(List.of(dom, XdrArg.MEMORY_PARAMS, i), RemoteProc.DOMAIN_SET_MEMORY_PARAMETERS);
        put(List.of(dom, XdrArg.BLKIO_PARAMS, i), RemoteProc.DOMAIN_SET_BLKIO_PARAMETERS);
        put(List.of(dom, XdrArg.CPUMAP, i), RemoteProc.DOMAIN_PIN_EMULATOR);
        put(List.of(dom, XdrArg.HYPER), RemoteProc.DOMAIN_SET_MEMORY, RemoteProc.DOMAIN_SET_MAX_MEMORY);
        put(List.of(dom, XdrArg.HYPER, i), RemoteProc.DOMAIN_SET_MEMORY_FLAGS);
        put(List.of(XdrArg.DOMAINS, i, i), RemoteProc.CONNECT_GET_ALL_DOMAIN_STATS);
        put(List.of(dom, XdrArg.STRING), RemoteProc.DOMAIN_INTERFACE_STATS, RemoteProc.DOMAIN_BLOCK_STATS);
        put(List.of(dom, XdrArg.STRING, i, i), RemoteProc.DOMAIN_BLOCK_STATS_FLAGS);
        put(List.of(dom, XdrArg.STRING, XdrArg.INTERFACE_PARAMS, i), RemoteProc.DOMAIN_SET_INTERFACE_PARAMETERS);
        put(List.of(dom, XdrArg.STRING, i, i), RemoteProc.DOMAIN_GET_INTERFACE_PARAMETERS);
        put(List.of(dom, i, i), RemoteProc.DOMAIN_INTERFACE_ADDRESSES);
        put(List.of(dom, XdrArg.SIGNED_HYPER, i, i), RemoteProc.DOMAIN_SEND_PROCESS_SIGNAL);
        put(List.of(dom, i, i, XdrArg.KEYCODES, i), RemoteProc.DOMAIN_SEND_KEY);
        // remote_domain_save(_flags)_args, remote_domain_restore(_flags)_args, remote_domain_save_image_*_args
        put(List.of(dom, XdrArg.STRING), RemoteProc.DOMAIN_SAVE);
        put(List.of(dom, XdrArg.STRING, XdrArg.OPT_STRING, i), RemoteProc.DOMAIN_SAVE_FLAGS);
        put(List.of(XdrArg.STRING), RemoteProc.DOMAIN_RESTORE);
        put(List.of(XdrArg.STRING, XdrArg.OPT_STRING, i), RemoteProc.DOMAIN_RESTORE_FLAGS);
        put(List.of(XdrArg.STRING, i), RemoteProc.DOMAIN_SAVE_IMAGE_GET_XML_DESC);
        put(List.of(XdrArg.STRING, XdrArg.STRING, i), RemoteProc.DOMAIN_SAVE_IMAGE_DEFINE_XML);
        // remote_domain_{attach,detach}_device_args, ..._flags_args, remote_domain_update_device_flags_args
        put(List.of(dom, XdrArg.STRING), RemoteProc.DOMAIN_ATTACH_DEVICE, RemoteProc.DOMAIN_DETACH_DEVICE);
        put(List.of(dom, XdrArg.STRING, i), RemoteProc.DOMAIN_ATTACH_DEVICE_FLAGS,
                RemoteProc.DOMAIN_DETACH_DEVICE_FLAGS, RemoteProc.DOMAIN_UPDATE_DEVICE_FLAGS);
    }

    private void snapshots() {
        XdrArg i = XdrArg.INT;
        XdrArg dom = XdrArg.DOMAIN;
        XdrArg snap = XdrArg.SNAPSHOT;
        put(List.of(dom, XdrArg.STRING, i), RemoteProc.DOMAIN_SNAPSHOT_CREATE_XML, RemoteProc.DOMAIN_SNAPSHOT_LOOKUP_BY_NAME);
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

    private void put(List<XdrArg> args, int... procs) {
        for (int p : procs) {
            if (byProc.put(p, args) != null) {
                throw new IllegalStateException("arguments of procedure " + p + " declared twice");
            }
        }
    }

    /** The argument types of {@code proc}, or null when this table does not know them. */
    List<XdrArg> of(int proc) {
        return byProc.get(proc);
    }

    /** Decodes the arguments of {@code proc} from {@code args}, failing as libvirtd's decoder fails. */
    void decode(int proc, XdrReader args) throws XdrException {
        List<XdrArg> shape = byProc.get(proc);
        if (shape != null) {
            for (XdrArg a : shape) {
                a.skip(args);
            }
        }
    }
}

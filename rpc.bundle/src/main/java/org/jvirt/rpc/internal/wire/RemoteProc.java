package org.jvirt.rpc.internal.wire;

/** The REMOTE_PROC_* numbers of remote_protocol.x that jvirt serves or calls. */
public final class RemoteProc {
    public static final int CONNECT_OPEN = 1;
    public static final int CONNECT_CLOSE = 2;
    public static final int CONNECT_GET_TYPE = 3;
    public static final int CONNECT_GET_VERSION = 4;
    public static final int CONNECT_GET_MAX_VCPUS = 5;
    public static final int NODE_GET_INFO = 6;
    public static final int CONNECT_GET_CAPABILITIES = 7;
    public static final int DOMAIN_CREATE = 9;
    public static final int DOMAIN_CREATE_XML = 10;
    public static final int DOMAIN_DEFINE_XML = 11;
    public static final int DOMAIN_DESTROY = 12;
    public static final int DOMAIN_GET_XML_DESC = 14;
    public static final int DOMAIN_GET_AUTOSTART = 15;
    public static final int DOMAIN_GET_INFO = 16;
    public static final int DOMAIN_GET_MAX_MEMORY = 17;
    public static final int DOMAIN_GET_MAX_VCPUS = 18;
    public static final int DOMAIN_GET_OS_TYPE = 19;
    public static final int DOMAIN_GET_VCPUS = 20;
    public static final int CONNECT_LIST_DEFINED_DOMAINS = 21;
    public static final int DOMAIN_LOOKUP_BY_ID = 22;
    public static final int DOMAIN_LOOKUP_BY_NAME = 23;
    public static final int DOMAIN_LOOKUP_BY_UUID = 24;
    public static final int CONNECT_NUM_OF_DEFINED_DOMAINS = 25;
    public static final int DOMAIN_PIN_VCPU = 26;
    public static final int DOMAIN_REBOOT = 27;
    public static final int DOMAIN_RESET = 245;
    public static final int DOMAIN_RESUME = 28;
    public static final int DOMAIN_SET_AUTOSTART = 29;
    public static final int DOMAIN_SET_MAX_MEMORY = 30;
    public static final int DOMAIN_SET_MEMORY = 31;
    public static final int DOMAIN_SET_VCPUS = 32;
    public static final int DOMAIN_SHUTDOWN = 33;
    public static final int DOMAIN_SUSPEND = 34;
    public static final int DOMAIN_UNDEFINE = 35;
    public static final int CONNECT_LIST_DOMAINS = 37;
    public static final int CONNECT_NUM_OF_DOMAINS = 51;
    public static final int CONNECT_GET_HOSTNAME = 59;
    public static final int CONNECT_SUPPORTS_FEATURE = 60;
    public static final int DOMAIN_BLOCK_STATS = 64;
    public static final int DOMAIN_INTERFACE_STATS = 65;
    public static final int AUTH_LIST = 66;
    public static final int AUTH_SASL_INIT = 67;
    public static final int AUTH_SASL_START = 68;
    public static final int AUTH_SASL_STEP = 69;
    public static final int AUTH_POLKIT = 70;
    public static final int CONNECT_GET_URI = 110;
    public static final int DOMAIN_GET_SECURITY_LABEL = 121;
    public static final int NODE_GET_SECURITY_MODEL = 122;
    public static final int CONNECT_DOMAIN_XML_FROM_NATIVE = 135;
    public static final int CONNECT_DOMAIN_XML_TO_NATIVE = 136;
    public static final int CONNECT_IS_SECURE = 149;
    public static final int DOMAIN_IS_ACTIVE = 150;
    public static final int DOMAIN_IS_PERSISTENT = 151;
    public static final int CONNECT_GET_LIB_VERSION = 157;
    public static final int DOMAIN_MEMORY_STATS = 159;
    public static final int DOMAIN_MANAGED_SAVE = 182;
    public static final int DOMAIN_HAS_MANAGED_SAVE_IMAGE = 183;
    public static final int DOMAIN_MANAGED_SAVE_REMOVE = 184;
    public static final int DOMAIN_RESTORE = 54;
    public static final int DOMAIN_SAVE = 55;
    public static final int DOMAIN_SAVE_FLAGS = 232;
    public static final int DOMAIN_RESTORE_FLAGS = 233;
    public static final int DOMAIN_SAVE_IMAGE_GET_XML_DESC = 235;
    public static final int DOMAIN_SAVE_IMAGE_DEFINE_XML = 236;
    public static final int DOMAIN_SEND_KEY = 226;
    public static final int DOMAIN_ATTACH_DEVICE = 8;
    public static final int DOMAIN_DETACH_DEVICE = 13;
    public static final int DOMAIN_ATTACH_DEVICE_FLAGS = 160;
    public static final int DOMAIN_DETACH_DEVICE_FLAGS = 161;
    public static final int DOMAIN_UPDATE_DEVICE_FLAGS = 174;
    /** REMOTE_DOMAIN_SEND_KEY_MAX. */
    public static final int DOMAIN_SEND_KEY_MAX = 16;
    public static final int DOMAIN_CREATE_WITH_FLAGS = 196;
    public static final int DOMAIN_SET_VCPUS_FLAGS = 199;
    public static final int DOMAIN_GET_VCPUS_FLAGS = 200;
    public static final int DOMAIN_OPEN_CONSOLE = 201;
    public static final int DOMAIN_IS_UPDATED = 202;
    public static final int DOMAIN_SET_MEMORY_FLAGS = 204;
    public static final int DOMAIN_GET_STATE = 212;
    public static final int DOMAIN_PIN_VCPU_FLAGS = 225;
    public static final int DOMAIN_GET_VCPU_PIN_INFO = 230;
    public static final int DOMAIN_UNDEFINE_FLAGS = 231;
    public static final int DOMAIN_DESTROY_FLAGS = 234;
    public static final int DOMAIN_BLOCK_STATS_FLAGS = 243;
    public static final int DOMAIN_SHUTDOWN_FLAGS = 258;
    public static final int CONNECT_LIST_ALL_DOMAINS = 273;
    public static final int DOMAIN_GET_SECURITY_LABEL_LIST = 278;
    public static final int NODE_GET_CPU_MAP = 293;
    public static final int DOMAIN_SEND_PROCESS_SIGNAL = 295;
    public static final int DOMAIN_SET_MEMORY_STATS_PERIOD = 308;
    public static final int DOMAIN_INTERFACE_ADDRESSES = 353;
    /** The registrations of clients without REMOTE_EVENT_CALLBACK, and the events they get. */
    public static final int CONNECT_DOMAIN_EVENT_REGISTER = 105;
    public static final int CONNECT_DOMAIN_EVENT_DEREGISTER = 106;
    public static final int DOMAIN_EVENT_LIFECYCLE = 107;
    public static final int CONNECT_DOMAIN_EVENT_REGISTER_ANY = 167;
    public static final int CONNECT_DOMAIN_EVENT_DEREGISTER_ANY = 168;
    public static final int DOMAIN_EVENT_REBOOT = 169;
    public static final int CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY = 316;
    public static final int CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY = 317;
    public static final int DOMAIN_EVENT_CALLBACK_LIFECYCLE = 318;
    public static final int DOMAIN_EVENT_CALLBACK_REBOOT = 319;
    /** Device-removed events: legacy (no callback ID), modern, and the removal-failed event. */
    public static final int DOMAIN_EVENT_DEVICE_REMOVED = 311;
    public static final int DOMAIN_EVENT_CALLBACK_DEVICE_REMOVED = 333;
    public static final int DOMAIN_EVENT_CALLBACK_DEVICE_REMOVAL_FAILED = 367;
    public static final int CONNECT_GET_DOMAIN_CAPABILITIES = 342;
    public static final int CONNECT_GET_ALL_DOMAIN_STATS = 344;
    public static final int DOMAIN_DEFINE_XML_FLAGS = 350;
    public static final int CONNECT_REGISTER_CLOSE_CALLBACK = 360;

    /** Tuning: scheduler, memory and block I/O parameters, emulator pinning. */
    public static final int DOMAIN_GET_SCHEDULER_TYPE = 56;
    public static final int DOMAIN_GET_SCHEDULER_PARAMETERS = 57;
    public static final int DOMAIN_SET_SCHEDULER_PARAMETERS = 58;
    public static final int DOMAIN_SET_MEMORY_PARAMETERS = 197;
    public static final int DOMAIN_GET_MEMORY_PARAMETERS = 198;
    public static final int DOMAIN_SET_BLKIO_PARAMETERS = 205;
    public static final int DOMAIN_GET_BLKIO_PARAMETERS = 206;
    public static final int DOMAIN_SET_INTERFACE_PARAMETERS = 256;
    public static final int DOMAIN_GET_INTERFACE_PARAMETERS = 257;
    public static final int DOMAIN_SET_SCHEDULER_PARAMETERS_FLAGS = 219;
    public static final int DOMAIN_GET_SCHEDULER_PARAMETERS_FLAGS = 223;
    public static final int DOMAIN_PIN_EMULATOR = 279;
    public static final int DOMAIN_GET_EMULATOR_PIN_INFO = 280;
    public static final int CONNECT_UNREGISTER_CLOSE_CALLBACK = 361;

    /** virDrvFeature numbers a client asks about with CONNECT_SUPPORTS_FEATURE. */
    public static final int FEATURE_TYPED_PARAM_STRING = 9;
    public static final int FEATURE_XML_MIGRATABLE = 11;
    public static final int FEATURE_PROGRAM_KEEPALIVE = 10;
    public static final int FEATURE_REMOTE_EVENT_CALLBACK = 14;
    public static final int FEATURE_REMOTE_CLOSE_CALLBACK = 15;

    /** VIR_DOMAIN_EVENT_ID_LIFECYCLE. */
    public static final int EVENT_ID_LIFECYCLE = 0;
    /** VIR_DOMAIN_EVENT_ID_REBOOT. */
    public static final int EVENT_ID_REBOOT = 1;
    /** VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED. */
    public static final int EVENT_ID_DEVICE_REMOVED = 15;
    /** VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED. */
    public static final int EVENT_ID_DEVICE_REMOVAL_FAILED = 22;

    /** Limits from remote_protocol.x. */
    public static final int DOMAIN_LIST_MAX = 16384;
    public static final int CPUMAP_MAX = 2048;
    public static final int VCPUINFO_MAX = 16384;
    public static final int CPUMAPS_MAX = 8388608;
    public static final int DOMAIN_SCHEDULER_PARAMETERS_MAX = 16;
    public static final int DOMAIN_BLKIO_PARAMETERS_MAX = 16;
    public static final int DOMAIN_MEMORY_PARAMETERS_MAX = 16;
    public static final int DOMAIN_INTERFACE_PARAMETERS_MAX = 16;
    public static final int DOMAIN_BLOCK_STATS_PARAMETERS_MAX = 16;
    public static final int DOMAIN_INTERFACE_MAX = 2048;
    public static final int DOMAIN_IP_ADDR_MAX = 2048;

    /** VIR_TYPED_PARAM_STRING_OKAY: the caller can take string parameters. */
    public static final int TYPED_PARAM_STRING_OKAY = 1 << 2;

    // ---- secrets (remote_protocol.x REMOTE_PROC_*SECRET*) ----
    public static final int CONNECT_NUM_OF_SECRETS = 139;
    public static final int CONNECT_LIST_SECRETS = 140;
    public static final int SECRET_LOOKUP_BY_UUID = 141;
    public static final int SECRET_DEFINE_XML = 142;
    public static final int SECRET_GET_XML_DESC = 143;
    public static final int SECRET_SET_VALUE = 144;
    public static final int SECRET_GET_VALUE = 145;
    public static final int SECRET_UNDEFINE = 146;
    public static final int SECRET_LOOKUP_BY_USAGE = 147;
    public static final int CONNECT_LIST_ALL_SECRETS = 287;
    public static final int CONNECT_SECRET_EVENT_REGISTER_ANY = 380;
    public static final int CONNECT_SECRET_EVENT_DEREGISTER_ANY = 381;
    public static final int SECRET_EVENT_LIFECYCLE = 382;
    public static final int SECRET_EVENT_VALUE_CHANGED = 383;
    /** REMOTE_SECRET_VALUE_MAX and REMOTE_SECRET_UUID_LIST_MAX. */
    public static final int SECRET_VALUE_MAX = 65536;
    public static final int SECRET_LIST_MAX = 16384;

    // ---- networks (remote_protocol.x REMOTE_PROC_*NETWORK*) ----
    public static final int CONNECT_LIST_DEFINED_NETWORKS = 36;
    public static final int CONNECT_LIST_NETWORKS = 38;
    public static final int NETWORK_CREATE = 39;
    public static final int NETWORK_CREATE_XML = 40;
    public static final int NETWORK_DEFINE_XML = 41;
    public static final int NETWORK_DESTROY = 42;
    public static final int NETWORK_GET_XML_DESC = 43;
    public static final int NETWORK_GET_AUTOSTART = 44;
    public static final int NETWORK_GET_BRIDGE_NAME = 45;
    public static final int NETWORK_LOOKUP_BY_NAME = 46;
    public static final int NETWORK_LOOKUP_BY_UUID = 47;
    public static final int NETWORK_SET_AUTOSTART = 48;
    public static final int NETWORK_UNDEFINE = 49;
    public static final int CONNECT_NUM_OF_DEFINED_NETWORKS = 50;
    public static final int CONNECT_NUM_OF_NETWORKS = 52;
    public static final int NETWORK_IS_ACTIVE = 152;
    public static final int NETWORK_IS_PERSISTENT = 153;
    public static final int CONNECT_LIST_ALL_NETWORKS = 283;
    public static final int NETWORK_UPDATE = 291;
    public static final int NETWORK_GET_DHCP_LEASES = 341;
    public static final int NETWORK_DEFINE_XML_FLAGS = 432;
    public static final int NETWORK_CREATE_XML_FLAGS = 437;
    public static final int CONNECT_NETWORK_EVENT_REGISTER_ANY = 313;
    public static final int CONNECT_NETWORK_EVENT_DEREGISTER_ANY = 314;
    public static final int NETWORK_EVENT_LIFECYCLE = 315;
    public static final int NETWORK_LIST_ALL_PORTS = 404;
    public static final int NETWORK_PORT_LOOKUP_BY_UUID = 405;
    public static final int NETWORK_PORT_CREATE_XML = 406;
    public static final int NETWORK_PORT_GET_PARAMETERS = 407;
    public static final int NETWORK_PORT_SET_PARAMETERS = 408;
    public static final int NETWORK_PORT_GET_XML_DESC = 409;
    public static final int NETWORK_PORT_DELETE = 410;
    /** REMOTE_NETWORK_PORT_LIST_MAX and REMOTE_NETWORK_PORT_PARAMETERS_MAX. */
    public static final int NETWORK_PORT_LIST_MAX = 16384;
    public static final int NETWORK_PORT_PARAMETERS_MAX = 16;
    /** REMOTE_NETWORK_LIST_MAX and REMOTE_NETWORK_DHCP_LEASES_MAX. */
    public static final int NETWORK_LIST_MAX = 16384;
    public static final int NETWORK_DHCP_LEASES_MAX = 65536;
    public static final int DOMAIN_MEMORY_STATS_MAX = 1024;
    public static final int CONNECT_GET_ALL_DOMAIN_STATS_MAX = 262144;

    // ---- storage (remote_protocol.x REMOTE_PROC_*STORAGE*) ----
    public static final int CONNECT_NUM_OF_STORAGE_POOLS = 71;
    public static final int CONNECT_LIST_STORAGE_POOLS = 72;
    public static final int CONNECT_NUM_OF_DEFINED_STORAGE_POOLS = 73;
    public static final int CONNECT_LIST_DEFINED_STORAGE_POOLS = 74;
    public static final int STORAGE_POOL_CREATE_XML = 76;
    public static final int STORAGE_POOL_DEFINE_XML = 77;
    public static final int STORAGE_POOL_CREATE = 78;
    public static final int STORAGE_POOL_BUILD = 79;
    public static final int STORAGE_POOL_DESTROY = 80;
    public static final int STORAGE_POOL_DELETE = 81;
    public static final int STORAGE_POOL_UNDEFINE = 82;
    public static final int STORAGE_POOL_REFRESH = 83;
    public static final int STORAGE_POOL_LOOKUP_BY_NAME = 84;
    public static final int STORAGE_POOL_LOOKUP_BY_UUID = 85;
    public static final int STORAGE_POOL_LOOKUP_BY_VOLUME = 86;
    public static final int STORAGE_POOL_GET_INFO = 87;
    public static final int STORAGE_POOL_GET_XML_DESC = 88;
    public static final int STORAGE_POOL_GET_AUTOSTART = 89;
    public static final int STORAGE_POOL_SET_AUTOSTART = 90;
    public static final int STORAGE_POOL_NUM_OF_VOLUMES = 91;
    public static final int STORAGE_POOL_LIST_VOLUMES = 92;
    public static final int STORAGE_VOL_CREATE_XML = 93;
    public static final int STORAGE_VOL_DELETE = 94;
    public static final int STORAGE_VOL_LOOKUP_BY_NAME = 95;
    public static final int STORAGE_VOL_LOOKUP_BY_KEY = 96;
    public static final int STORAGE_VOL_LOOKUP_BY_PATH = 97;
    public static final int STORAGE_VOL_GET_INFO = 98;
    public static final int STORAGE_VOL_GET_XML_DESC = 99;
    public static final int STORAGE_VOL_GET_PATH = 100;
    public static final int STORAGE_VOL_CREATE_XML_FROM = 125;
    public static final int STORAGE_POOL_IS_ACTIVE = 154;
    public static final int STORAGE_POOL_IS_PERSISTENT = 155;
    public static final int STORAGE_VOL_WIPE = 165;
    public static final int STORAGE_VOL_RESIZE = 260;
    public static final int STORAGE_VOL_UPLOAD = 208;
    public static final int STORAGE_VOL_DOWNLOAD = 209;
    public static final int CONNECT_LIST_ALL_STORAGE_POOLS = 281;
    public static final int STORAGE_POOL_LIST_ALL_VOLUMES = 282;
    public static final int CONNECT_STORAGE_POOL_EVENT_REGISTER_ANY = 368;
    public static final int CONNECT_STORAGE_POOL_EVENT_DEREGISTER_ANY = 369;
    public static final int STORAGE_POOL_EVENT_LIFECYCLE = 370;
    public static final int STORAGE_POOL_EVENT_REFRESH = 373;
    public static final int STORAGE_VOL_GET_INFO_FLAGS = 378;
    public static final int STORAGE_POOL_LOOKUP_BY_TARGET_PATH = 391;
    /** REMOTE_STORAGE_POOL_LIST_MAX and REMOTE_STORAGE_VOL_LIST_MAX. */
    public static final int STORAGE_POOL_LIST_MAX = 16384;
    public static final int STORAGE_VOL_LIST_MAX = 16384;

    /** Domain snapshots (libvirt-domain-snapshot.c's functions). */
    public static final int DOMAIN_SNAPSHOT_CREATE_XML = 185;
    public static final int DOMAIN_SNAPSHOT_GET_XML_DESC = 186;
    public static final int DOMAIN_SNAPSHOT_NUM = 187;
    public static final int DOMAIN_SNAPSHOT_LIST_NAMES = 188;
    public static final int DOMAIN_SNAPSHOT_LOOKUP_BY_NAME = 189;
    public static final int DOMAIN_HAS_CURRENT_SNAPSHOT = 190;
    public static final int DOMAIN_SNAPSHOT_CURRENT = 191;
    public static final int DOMAIN_REVERT_TO_SNAPSHOT = 192;
    public static final int DOMAIN_SNAPSHOT_DELETE = 193;
    public static final int DOMAIN_SNAPSHOT_GET_PARENT = 244;
    public static final int DOMAIN_SNAPSHOT_NUM_CHILDREN = 246;
    public static final int DOMAIN_SNAPSHOT_LIST_CHILDREN_NAMES = 247;
    public static final int DOMAIN_SNAPSHOT_IS_CURRENT = 271;
    public static final int DOMAIN_SNAPSHOT_HAS_METADATA = 272;
    public static final int DOMAIN_LIST_ALL_SNAPSHOTS = 274;
    public static final int DOMAIN_SNAPSHOT_LIST_ALL_CHILDREN = 275;
    public static final int DOMAIN_SNAPSHOT_LIST_MAX = 16384;

    private RemoteProc() {
    }
}

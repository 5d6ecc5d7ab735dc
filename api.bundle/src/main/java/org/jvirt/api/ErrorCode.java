package org.jvirt.api;

/**
 * libvirt's {@code virErrorNumber}: the numbers are the wire protocol's and never change.
 * Append only. Each code carries libvirt's message templates: the bare one and the one that
 * takes a detail.
 */
public enum ErrorCode {
    OK(0, "", "%s"),
    INTERNAL_ERROR(1, "internal error", "internal error: %s"),
    NO_MEMORY(2, "out of memory", "out of memory: %s"),
    NO_SUPPORT(3, "this function is not supported by the connection driver",
            "this function is not supported by the connection driver: %s"),
    UNKNOWN_HOST(4, "unknown host", "unknown host %s"),
    NO_CONNECT(5, "no connection driver available", "no connection driver available for %s"),
    INVALID_CONN(6, "invalid connection pointer in", "invalid connection pointer in %s"),
    INVALID_DOMAIN(7, "invalid domain pointer in", "invalid domain pointer in %s"),
    INVALID_ARG(8, "invalid argument", "invalid argument: %s"),
    OPERATION_FAILED(9, "operation failed", "operation failed: %s"),
    OS_TYPE(16, "unknown OS type", "unknown OS type %s"),
    NO_SOURCE(19, "missing source information", "missing source information for %s"),
    NO_TARGET(20, "missing target information", "missing target information for %s"),
    NO_NAME(21, "missing name information", "missing name information in %s"),
    NO_OS(22, "missing operating system information", "missing operating system information for %s"),
    XML_ERROR(27, "XML description is invalid or not well formed", "XML error: %s"),
    DOM_EXIST(28, "this domain exists already", "domain %s exists already"),
    OPERATION_DENIED(29, "operation forbidden for read only access", "operation forbidden: %s"),
    OPEN_FAILED(30, "failed to open configuration file", "failed to open configuration file %s"),
    READ_FAILED(31, "failed to read configuration file", "failed to read configuration file %s"),
    PARSE_FAILED(32, "failed to parse configuration file", "failed to parse configuration file %s"),
    CONF_SYNTAX(33, "configuration file syntax error", "configuration file syntax error: %s"),
    WRITE_FAILED(34, "failed to write configuration file", "failed to write configuration file: %s"),
    XML_DETAIL(35, "parser error", "%s"),
    INVALID_NETWORK(36, "invalid network pointer in", "invalid network pointer in %s"),
    NETWORK_EXIST(37, "this network exists already", "network %s exists already"),
    SYSTEM_ERROR(38, "system call error", "%s"),
    RPC(39, "RPC error", "RPC error: %s"),
    NO_DOMAIN(42, "Domain not found", "Domain not found: %s"),
    NO_NETWORK(43, "Network not found", "Network not found: %s"),
    AUTH_FAILED(45, "authentication failed", "authentication failed: %s"),
    INVALID_STORAGE_POOL(46, "invalid storage pool pointer in", "invalid storage pool pointer in %s"),
    INVALID_STORAGE_VOL(47, "invalid storage volume pointer in", "invalid storage volume pointer in %s"),
    NO_STORAGE_POOL(49, "Storage pool not found", "Storage pool not found: %s"),
    NO_STORAGE_VOL(50, "Storage volume not found", "Storage volume not found: %s"),
    OPERATION_INVALID(55, "Requested operation is not valid", "Requested operation is not valid: %s"),
    INVALID_SECRET(65, "Invalid secret", "Invalid secret: %s"),
    NO_SECRET(66, "Secret not found", "Secret not found: %s"),
    CONFIG_UNSUPPORTED(67, "unsupported configuration", "unsupported configuration: %s"),
    OPERATION_TIMEOUT(68, "Timed out during operation", "Timed out during operation: %s"),
    ARGUMENT_UNSUPPORTED(74, "argument unsupported", "argument unsupported: %s"),
    STORAGE_PROBE_FAILED(76, "Storage pool probe failed", "Storage pool probe failed: %s"),
    STORAGE_POOL_BUILT(77, "storage pool already built", "storage pool already built: %s"),
    OPERATION_ABORTED(78, "operation aborted", "operation aborted: %s"),
    OVERFLOW(82, "numerical overflow", "numerical overflow: %s"),
    OPERATION_UNSUPPORTED(84, "Operation not supported", "Operation not supported: %s"),
    AGENT_UNRESPONSIVE(86, "Guest agent is not responding", "Guest agent is not responding: %s"),
    RESOURCE_BUSY(87, "resource busy", "resource busy: %s"),
    ACCESS_DENIED(88, "access denied", "access denied: %s"),
    STORAGE_VOL_EXIST(90, "this storage volume exists already", "storage volume %s exists already"),
    XML_INVALID_SCHEMA(92, "XML document failed to validate against schema",
            "XML document failed to validate against schema: %s"),
    AUTH_UNAVAILABLE(94, "authentication unavailable", "authentication unavailable: %s"),
    NO_SERVER(95, "Server not found", "Server not found: %s"),
    NO_CLIENT(96, "Client not found", "Client not found: %s"),
    DEVICE_MISSING(99, "device not found", "device not found: %s"),
    NETWORK_PORT_EXIST(106, "network port already exists", "network port already exists: %s"),
    NO_NETWORK_PORT(107, "network port not found", "network port not found: %s"),
    NO_HOSTNAME(108, "no hostname found", "no hostname found: %s"),
    MULTIPLE_DOMAINS(110, "multiple matching domains found", "multiple matching domains found: %s"),
    INVALID_DOMAIN_SNAPSHOT(71, "Invalid snapshot", "Invalid snapshot: %s"),
    NO_DOMAIN_SNAPSHOT(72, "Domain snapshot not found", "Domain snapshot not found: %s");

    private final int number;
    private final String bare;
    private final String withDetail;

    ErrorCode(int number, String bare, String withDetail) {
        this.number = number;
        this.bare = bare;
        this.withDetail = withDetail;
    }

    /** libvirt's numeric {@code virErrorNumber}. */
    public int number() {
        return number;
    }

    /** libvirt's message for this code; {@code detail} may be null. */
    public String message(String detail) {
        return detail == null || detail.isEmpty() ? bare : String.format(withDetail, detail);
    }

    /** The code with libvirt's number, or {@link #INTERNAL_ERROR} for numbers jvirt does not know. */
    public static ErrorCode ofNumber(int number) {
        for (ErrorCode c : values()) {
            if (c.number == number) {
                return c;
            }
        }
        return INTERNAL_ERROR;
    }
}

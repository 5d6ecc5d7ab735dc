package org.jvirt.api;

/**
 * The one exception of the jvirt API. It carries libvirt's error code and error domain so that
 * errors map 1:1 onto libvirt's wire protocol; the message is libvirt's text for the code.
 */
public class VirtException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final ErrorDomain domain;
    private final int rawCode;

    /** An error whose message is libvirt's template for {@code code} filled with {@code detail}. */
    public VirtException(ErrorCode code, ErrorDomain domain, String detail) {
        this(code, domain, detail, null);
    }

    public VirtException(ErrorCode code, ErrorDomain domain, String detail, Throwable cause) {
        super(code.message(detail), cause);
        this.code = code;
        this.domain = domain;
        this.rawCode = code.number();
    }

    /**
     * An error received from elsewhere (a remote peer) whose message is already formatted and whose
     * numeric code may be one jvirt has no constant for.
     */
    public VirtException(int rawCode, int rawDomain, String message) {
        super(message);
        this.code = ErrorCode.ofNumber(rawCode);
        this.domain = ErrorDomain.ofNumber(rawDomain);
        this.rawCode = rawCode;
    }

    public ErrorCode code() {
        return code;
    }

    public ErrorDomain domain() {
        return domain;
    }

    /** libvirt's number, which equals {@code code().number()} unless the error came from a peer. */
    public int rawCode() {
        return rawCode;
    }
}

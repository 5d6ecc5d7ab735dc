package org.jvirt.driver.esx.internal.vi;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * A SOAP fault the server answered (HTTP 500), reported as libvirt's {@code esxVI_Context_Execute}
 * does: {@code internal error: HTTP response code 500 for call to 'PowerOnVM_Task'. Fault:
 * ServerFaultCode - ...}. The fault's type from its detail ({@code InvalidLogin},
 * {@code NotAuthenticated}, {@code ManagedObjectNotFound}, ...) is kept for the callers that react to it.
 */
public final class VimFault extends VirtException {
    private static final long serialVersionUID = 1L;

    private final String faultType;

    VimFault(String method, String faultCode, String faultString, String faultType) {
        super(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX, "HTTP response code 500 for call to '" + method
                + "'. Fault: " + faultCode + " - " + faultString);
        this.faultType = faultType;
    }

    /** The fault's type (the local name of the detail's element, without "Fault"), or "" if none. */
    public String faultType() {
        return faultType;
    }
}

package org.jvirt.driver.hyperv.internal.sim;

/** A request the simulator answers with a SOAP fault (HTTP 500), as WinRM does (DSP0226 section 14). */
final class SimFault extends Exception {
    final String code;
    final String subcode;
    final String detail;

    SimFault(String code, String subcode, String reason, String detail) {
        super(reason);
        this.code = code;
        this.subcode = subcode;
        this.detail = detail;
    }

    String toEnvelope() {
        return SimXml.fault(code, subcode, getMessage(), detail);
    }
}

/** A WS-Management client (DSP0226, SOAP 1.2) for WMI's WinRM service (private). */
package org.jvirt.driver.hyperv.internal.wsman;

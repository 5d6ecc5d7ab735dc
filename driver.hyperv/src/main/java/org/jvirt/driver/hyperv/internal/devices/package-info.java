/** Devices of a Hyper-V VM: the domain XML checked into what define attaches, and the WMI resource settings read back as domain XML devices (private). */
package org.jvirt.driver.hyperv.internal.devices;

/** libvirt's Hyper-V driver: the HypervisorDriver and its operations on WMI classes (private). */
package org.jvirt.driver.hyperv.internal;

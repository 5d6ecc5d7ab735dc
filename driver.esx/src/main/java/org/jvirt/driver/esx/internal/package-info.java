/** libvirt's ESX driver: the vSphere API client, the VMX converter and the HypervisorDriver (private). */
package org.jvirt.driver.esx.internal;

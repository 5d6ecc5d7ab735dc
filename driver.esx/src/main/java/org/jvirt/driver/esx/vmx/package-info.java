/**
 * libvirt's VMX converter (src/vmx/vmx.c): VMware's {@code .vmx} configuration to and from the
 * domain model, for the ESX driver's define, dumpxml and {@code vmware-vmx} native format.
 * Private to the bundle; {@link org.jvirt.driver.esx.vmx.VmxConverter} is the entry point.
 */
package org.jvirt.driver.esx.vmx;

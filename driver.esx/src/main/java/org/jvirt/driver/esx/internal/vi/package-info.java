/**
 * The vSphere Web Services (vim25 SOAP) client: the handful of calls libvirt's ESX driver makes
 * ({@code esx_vi_generator.input}), on the JDK's HTTP client and XML parser (see the README).
 */
package org.jvirt.driver.esx.internal.vi;

package org.jvirt.driver.qemu.internal;

import java.nio.file.Path;
import java.time.Duration;

import org.jvirt.api.spi.StateStore;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.driver.qemu.internal.cgroup.GuestCgroups;
import org.jvirt.driver.qemu.internal.launch.ArgvBuilder;
import org.jvirt.driver.qemu.internal.launch.Emulators;
import org.jvirt.driver.qemu.internal.net.GuestNetworks;
import org.jvirt.driver.qemu.internal.net.HostCommands;
import org.jvirt.driver.qemu.internal.security.QemuSecurity;
import org.jvirt.driver.qemu.internal.vcpu.VcpuManager;
import org.jvirt.driver.qemu.internal.volume.GuestVolumes;

/**
 * What one QEMU host (the domains of {@code qemu:///system} or of {@code qemu:///session}) works
 * with: its folders, its state store namespace, the timeouts and the shared services.
 *
 * @param storeDriver   the state store's driver name: {@code qemu} or {@code qemu-session}
 * @param startObserver told of each step of a guest start ({@link StartObserver#NONE} but in crash tests)
 * @param security      the security driver: who QEMU runs as and which files it is given
 * @param networks      plugs guests' network interfaces into the host's virtual networks
 * @param volumes       resolves guests' {@code <disk type='volume'>} through the host's storage pools
 * @param commands      host commands (and QEMU itself) behind the configured prefix
 * @param saveDir       the managed save images, {@code <name>.save} (libvirt's save_dir)
 */
public record HostContext(String storeDriver, Path runDir, Path logDir, String defaultMachine,
                          Duration destroyTimeout, Duration monitorTimeout, Duration commandTimeout,
                          int maxMessageBytes, DomainXmlCodec codec, StateStore store, Emulators emulators,
                          ArgvBuilder argv, VcpuManager vcpus, GuestCgroups cgroups,
                          StartObserver startObserver, QemuSecurity security,
                          GuestNetworks networks, HostCommands commands, GuestVolumes volumes,
                          Path saveDir) {
}

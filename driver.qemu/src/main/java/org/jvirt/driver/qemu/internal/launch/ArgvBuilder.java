package org.jvirt.driver.qemu.internal.launch;

import java.nio.file.Path;
import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;

/**
 * Turns a live definition into the emulator's argv for a start. The argv must start the guest
 * paused ({@code -S}) with its QMP monitor listening on {@code monitor}, and may write its pid to
 * {@code pidFile}. {@link MinimalArgv} is the built-in one; libvirt's full command line (the
 * {@code internal.command} builder, once emulator capabilities are probed) plugs in here.
 */
@FunctionalInterface
public interface ArgvBuilder {
    List<String> build(DomainDef live, Path emulator, Path monitor, Path pidFile) throws VirtException;
}

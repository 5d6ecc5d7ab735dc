/**
 * libvirt's QEMU command line. Use:
 * <pre>
 * QemuCaps caps = capsCache.get(emulatorPath);                   // internal.caps
 * DomainDef def = new QemuPostParse(codec).parse(xml, PARSE_INACTIVE, caps);   // defaults, addresses
 * QemuCommandLine cmd = new QemuCommandBuilder(caps, CommandEnv.onThisHost(libDir, channelDir, monitorPath))
 *         .build(def.withId(id));                                // env + argv, emulator first
 * String text = new DomainXmlToNative(codec).convert("qemu-argv", xml, caps, env);   // domxml-to-native
 * </pre>
 * The domain directory {@code <libDir>/domain-<id>-<name>} must hold {@code master-key.aes} (32 random
 * bytes) before QEMU starts: the command line refers to it as libvirt's does.
 */
package org.jvirt.driver.qemu.internal.command;

package org.jvirt.driver.qemu.internal.caps;

/**
 * What a capabilities cache entry depends on: the emulator binary and its modification time.
 * A binary replaced in place has another mtime and is probed again.
 *
 * @param binaryPath  the absolute emulator path
 * @param mtimeMillis the binary's modification time in milliseconds (0 for loaded dumps)
 */
public record CapsKey(String binaryPath, long mtimeMillis) {
}

package org.jvirt.api.xml;

/**
 * A disk's {@code <geometry>}: the BIOS geometry the guest sees.
 *
 * @param cyls  the number of cylinders, or null
 * @param heads the number of heads, or null
 * @param secs  sectors per track, or null
 * @param trans the BIOS translation ({@code none}, {@code lba}, {@code auto}), or null
 */
public record DiskGeometry(Integer cyls, Integer heads, Integer secs, String trans) {
}

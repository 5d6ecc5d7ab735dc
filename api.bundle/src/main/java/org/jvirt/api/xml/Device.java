package org.jvirt.api.xml;

/**
 * One entry of {@code <devices>}. Typed records exist for the devices jvirt models; any other
 * device is a {@link GenericDevice} holding its XML as written.
 */
public sealed interface Device permits GenericDevice, Disk, Controller, NetInterface, CharDevice, Graphics, Video, Input,
        MemBalloon, Rng, Watchdog, Filesystem, Hostdev {

    /** The XML element name of this device ({@code disk}, {@code interface}, ...). */
    String elementName();
}

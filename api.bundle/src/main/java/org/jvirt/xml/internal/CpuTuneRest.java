package org.jvirt.xml.internal;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Preserved;

/** The preserved part of {@code <cputune>}, normalised as libvirt re-formats it. */
final class CpuTuneRest {
    Preserved normalize(Preserved rest) throws VirtException {
        return rest;
    }
}

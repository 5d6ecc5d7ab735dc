package org.jvirt.api.xml;

/**
 * {@code <features><kvm>}: the KVM features, read from the feature as written.
 *
 * @param hidden         {@code <hidden state=>}, or null
 * @param hintDedicated  {@code <hint-dedicated state=>}, or null
 * @param pollControl    {@code <poll-control state=>}, or null
 * @param pvIpi          {@code <pv-ipi state=>}, or null
 * @param dirtyRing      {@code <dirty-ring state=>}, or null
 * @param dirtyRingSize  {@code <dirty-ring size=>}, or null
 */
public record Kvm(String hidden, String hintDedicated, String pollControl, String pvIpi, String dirtyRing,
        Integer dirtyRingSize) {

    static Kvm of(XmlElement kvm) {
        if (kvm == null) {
            return null;
        }
        XmlElement ring = kvm.child("dirty-ring");
        String size = ring == null ? null : ring.attribute("size");
        // the codec checked size as a number (libvirt's wording)
        return new Kvm(state(kvm, "hidden"), state(kvm, "hint-dedicated"), state(kvm, "poll-control"),
                state(kvm, "pv-ipi"), state(kvm, "dirty-ring"), size == null ? null : Integer.valueOf(size));
    }

    private static String state(XmlElement kvm, String name) {
        XmlElement e = kvm.child(name);
        return e == null ? null : e.attribute("state");
    }
}

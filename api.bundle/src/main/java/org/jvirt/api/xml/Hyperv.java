package org.jvirt.api.xml;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <features><hyperv mode=>}: the Hyper-V enlightenments, read from the feature as written.
 *
 * @param mode     {@code custom} or {@code passthrough} (libvirt's default {@code custom})
 * @param features the enlightenments in order
 */
public record Hyperv(String mode, List<Feature> features) {
    public Hyperv {
        features = List.copyOf(features == null ? List.of() : features);
    }

    /**
     * One enlightenment ({@code <relaxed state=/>}, {@code <spinlocks retries=/>}, {@code <vendor_id value=/>} ...).
     *
     * @param name             the element name
     * @param state            {@code on}/{@code off}
     * @param retries          spinlocks: the retry count, or null
     * @param value            vendor_id: the vendor id string, or null
     * @param direct           stimer/tlbflush: the state of {@code <direct>}, or null
     * @param extended         tlbflush: the state of {@code <extended>}, or null
     */
    public record Feature(String name, String state, Integer retries, String value, String direct,
            String extended) {
    }

    /** Enlightenment {@code name}, or null. */
    public Feature feature(String name) {
        return features.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
    }

    /** The state of enlightenment {@code name}, or null when not written. */
    public String state(String name) {
        Feature f = feature(name);
        return f == null ? null : f.state();
    }

    static Hyperv of(XmlElement hv) {
        if (hv == null) {
            return null;
        }
        List<Feature> list = new ArrayList<>();
        for (XmlElement f : hv.children()) {
            if (f.name().equals(XmlElement.TEXT)) {
                continue;
            }
            String retries = f.attribute("retries");
            XmlElement direct = f.child("direct");
            XmlElement extended = f.child("extended");
            // the codec checked retries as a number (libvirt's wording)
            list.add(new Feature(f.name(), f.attribute("state"), retries == null ? null : Integer.valueOf(retries),
                    f.attribute("value"), direct == null ? null : direct.attribute("state"),
                    extended == null ? null : extended.attribute("state")));
        }
        return new Hyperv(hv.attribute("mode") == null ? "custom" : hv.attribute("mode"), list);
    }
}

package org.jvirt.driver.xen.internal;

import org.jvirt.api.VirtException;

/** libvirt's xenParseHypervisorFeatures and xenParseTimeOffset: features, timers and the clock. */
final class FeatureReader {

    void read(Conf conf, Node dom) throws VirtException {
        boolean hvm = CommonReader.hvm(dom);
        Node clock = new Node("clock");
        String tsc = conf.string("tsc_mode", null);
        if (tsc != null) {
            Node t = clock.add("timer").attr("name", "tsc").attr("present", "yes");
            t.attr("mode", switch (tsc) {
                case "always_emulate" -> "emulate";
                case "native" -> "native";
                case "native_paravirt" -> "paravirt";
                default -> "auto";
            });
        }
        String passthrough = conf.string("passthrough", null);
        Node features = new Node("features");
        Node xenPassthrough = null;
        if (passthrough != null) {
            xenPassthrough = switch (passthrough) {
                case "disabled" -> new Node("passthrough").attr("state", "off");
                case "enabled" -> new Node("passthrough").attr("state", "on");
                case "sync_pt", "share_pt" -> new Node("passthrough").attr("state", "on").attr("mode", passthrough);
                default -> throw XenErrors.confUnsupported("Invalid passthrough mode " + passthrough);
            };
        }
        boolean e820 = false;
        if (hvm) {
            if (conf.bool("pae", 1) == 1) {
                features.add("pae");
            }
            if (conf.bool("acpi", 1) == 1) {
                features.add("acpi");
            }
            if (conf.bool("apic", 1) == 1) {
                features.add("apic");
            }
            if (conf.bool("hap", 1) == 0) {
                features.add("hap").attr("state", "off");
            }
            if (conf.bool("viridian", 0) == 1) {
                features.add("viridian");
            }
            int hpet = conf.bool("hpet", -1);
            if (hpet != -1) {
                clock.add("timer").attr("name", "hpet").attr("present", hpet == 1 ? "yes" : "no");
            }
        } else {
            e820 = conf.bool("e820_host", 0) == 1;
        }
        if (e820 || xenPassthrough != null) {
            boolean on = e820 || "on".equals(xenPassthrough.attr("state"));
            Node xen = features.add("xen").attr("state", on ? null : "off");
            if (e820) {
                xen.add("e820_host").attr("state", "on");
            }
            if (xenPassthrough != null) {
                xen.children.add(xenPassthrough);
            }
        }
        if (!features.children.isEmpty()) {
            dom.children.add(features);
        }
        timeOffset(conf, hvm, clock);
        dom.children.add(clock);
    }

    private static void timeOffset(Conf conf, boolean hvm, Node clock) throws VirtException {
        boolean localtime = conf.bool("localtime", 0) == 1;
        if (hvm) {
            clock.attr("offset", "variable").attr("adjustment", conf.number("rtc_timeoffset", 0))
                    .attr("basis", localtime ? "localtime" : "utc");
        } else {
            // PV guests have no emulated RTC: the offset is fixed
            clock.attr("offset", localtime ? "localtime" : "utc").attr("adjustment", "reset");
        }
    }
}

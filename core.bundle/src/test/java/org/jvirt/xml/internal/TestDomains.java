package org.jvirt.xml.internal;

/** Domain XML around the devices a codec test is about. */
final class TestDomains {
    private TestDomains() {
    }

    /** A minimal KVM domain, in libvirt's inactive format, holding {@code devices}. */
    static String withDevices(String devices) {
        return """
                <domain type='kvm'>
                  <name>t</name>
                  <uuid>6695eb01-f6a4-8304-79aa-97f2502e193f</uuid>
                  <memory unit='KiB'>1048576</memory>
                  <currentMemory unit='KiB'>1048576</currentMemory>
                  <vcpu placement='static'>1</vcpu>
                  <os>
                    <type arch='x86_64' machine='pc'>hvm</type>
                  </os>
                  <clock offset='utc'/>
                  <on_poweroff>destroy</on_poweroff>
                  <on_reboot>restart</on_reboot>
                  <on_crash>destroy</on_crash>
                  <devices>
                """ + devices + """
                  </devices>
                </domain>
                """;
    }
}

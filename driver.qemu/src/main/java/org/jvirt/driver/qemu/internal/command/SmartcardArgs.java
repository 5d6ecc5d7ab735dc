package org.jvirt.driver.qemu.internal.command;

import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Address;
import org.jvirt.api.xml.Smartcard;

/** Smartcards on the CCID bus (qemuBuildSmartcardCommandLine). */
final class SmartcardArgs {
    /** The NSS database libvirt uses when a host-certificates card names none. */
    private static final String DEFAULT_DATABASE = "/etc/pki/nssdb";

    private final QemuMachine m;
    private final CharArgs chr;

    SmartcardArgs(QemuMachine m, CharArgs chr) {
        this.m = m;
        this.chr = chr;
    }

    void smartcards(Argv a) throws VirtException {
        List<Smartcard> cards = m.def().devices().ofType(Smartcard.class);
        for (int i = 0; i < cards.size(); i++) {
            Smartcard sc = cards.get(i);
            String alias = "smartcard" + i;
            Address addr = sc.info().address();
            int controller = addr == null || addr.controller() == null ? 0 : addr.controller();
            Json j = Json.object();
            switch (sc.mode() == null ? "" : sc.mode()) {
                case "host" -> j.put("driver", "ccid-card-emulated").put("backend", "nss-emulated");
                case "host-certificates" -> {
                    j.put("driver", "ccid-card-emulated").put("backend", "certificates");
                    for (int c = 0; c < sc.certificates().size(); c++) {
                        j.put("cert" + (c + 1), sc.certificates().get(c));
                    }
                    j.put("db", sc.database() == null ? DEFAULT_DATABASE : sc.database());
                }
                case "passthrough" -> {
                    chr.chardev(a, sc.type(), sc.source(), "char" + alias, alias, "smartcard", null, null);
                    j.put("driver", "ccid-card-passthru").put("chardev", "char" + alias);
                }
                default -> {
                    continue;
                }
            }
            a.device(j.put("id", alias).put("bus", "ccid" + controller + ".0"));
        }
    }
}

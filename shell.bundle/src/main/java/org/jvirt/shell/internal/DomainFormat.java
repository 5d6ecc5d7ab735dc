package org.jvirt.shell.internal;

import java.util.List;
import java.util.UUID;

import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.SecurityLabel;
import org.jvirt.api.SecurityModel;

/** The text of virsh's {@code list}, {@code dominfo} and {@code domstate} (tools/virsh-domain-monitor.c). */
public final class DomainFormat {
    private DomainFormat() {
    }

    /** One row of {@code virsh list}: the ID (-1 when inactive), the name, the state. */
    public record ListRow(int id, String name, DomainStateInfo state) {
    }

    /**
     * {@code virsh list}'s table. Rows print in the caller's order; {@link #sortForList} gives
     * virsh's.
     */
    public static String list(List<ListRow> rows) {
        VshTable table = new VshTable("Id", "Name", "State");
        for (ListRow r : rows) {
            table.row(r.id() < 0 ? "-" : Integer.toString(r.id()), r.name(), r.state().state().label());
        }
        return table.render();
    }

    /** virsh's order: running domains by ID, then inactive ones by name ignoring case. */
    public static List<ListRow> sortForList(List<ListRow> rows) {
        return rows.stream().sorted((a, b) -> {
            boolean aActive = a.id() >= 0;
            boolean bActive = b.id() >= 0;
            if (aActive && bActive) {
                return Integer.compareUnsigned(a.id(), b.id());
            }
            if (!aActive && !bActive) {
                return a.name().compareToIgnoreCase(b.name());
            }
            return aActive ? -1 : 1;
        }).toList();
    }

    /** {@code virsh list --name}: one name a line. */
    public static String names(List<ListRow> rows) {
        StringBuilder sb = new StringBuilder();
        rows.forEach(r -> sb.append(r.name()).append('\n'));
        return sb.toString();
    }

    /**
     * What {@code virsh dominfo} reads from the API. A null {@code info} means virDomainGetInfo
     * failed (virsh then leaves out its lines), a null {@code persistent} or {@code managedSave}
     * prints {@code unknown}, a null {@code autostart} leaves the line out.
     */
    public record DomInfo(int id, String name, UUID uuid, String osType, DomainInfo info,
                          Boolean persistent, Boolean autostart, Boolean managedSave) {
    }

    /** {@code virsh dominfo} without its security lines (see {@link #security}). */
    public static String dominfo(DomInfo d) {
        StringBuilder sb = new StringBuilder();
        sb.append(Fields.line("Id:", d.id() < 0 ? "-" : Integer.toString(d.id())));
        sb.append(Fields.line("Name:", d.name()));
        if (d.uuid() != null) {
            sb.append(Fields.line("UUID:", d.uuid()));
        }
        if (d.osType() != null) {
            sb.append(Fields.line("OS Type:", d.osType()));
        }
        DomainInfo info = d.info();
        if (info != null) {
            sb.append(Fields.line("State:", info.state().label()));
            sb.append(Fields.line("CPU(s):", info.nrVirtCpu()));
            if (info.cpuTimeNs() != 0) {
                sb.append(Fields.line("CPU time:", Fields.seconds(info.cpuTimeNs())));
            }
            // virDomainInfo.maxMem is an unsigned long; UINT_MAX there means "no limit"
            sb.append(Fields.line("Max memory:", info.maxMemKiB() == 0xFFFF_FFFFL
                    ? "no limit" : Long.toUnsignedString(info.maxMemKiB()) + " KiB"));
            sb.append(Fields.line("Used memory:", Long.toUnsignedString(info.memoryKiB()) + " KiB"));
        }
        sb.append(Fields.line("Persistent:", yesNo(d.persistent())));
        if (d.autostart() != null) {
            sb.append(Fields.line("Autostart:", d.autostart() ? "enable" : "disable"));
        }
        sb.append(Fields.line("Managed save:", yesNo(d.managedSave())));
        return sb.toString();
    }

    /**
     * The security lines {@code virsh dominfo} appends: none when the host's model is empty, the
     * label only when the (running) domain has one.
     */
    public static String security(SecurityModel model, SecurityLabel label) {
        if (model.model().isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(Fields.line("Security model:", model.model()));
        sb.append(Fields.line("Security DOI:", model.doi()));
        if (label != null && !label.label().isEmpty()) {
            sb.append(Fields.line("Security label:", label.label() + " (" + (label.enforcing() ? "enforcing"
                    : "permissive") + ")"));
        }
        return sb.toString();
    }

    private static String yesNo(Boolean b) {
        return b == null ? "unknown" : b ? "yes" : "no";
    }

    /** {@code virsh domstate [--reason]}. */
    public static String domstate(DomainStateInfo state, boolean withReason) {
        return withReason
                ? state.state().label() + " (" + state.namedReason().label() + ")\n"
                : state.state().label() + "\n";
    }
}

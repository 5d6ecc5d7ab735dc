package org.jvirt.shell.internal;

import java.util.Comparator;
import java.util.List;

import org.jvirt.api.StoragePool;
import org.jvirt.api.StorageVol;
import org.jvirt.api.StorageVolInfo;
import org.jvirt.api.StorageVolResizeFlag;
import org.jvirt.api.VirtException;

/** What virsh's {@code virsh-volume.c} commands do, with its messages. */
final class VolActions {
    private static final String[] TYPES = {"file", "block", "dir", "network", "netdir", "ploop"};

    private VolActions() {
    }

    static void createAs(Invocation call) throws CommandFailure, Invocation.ConnectFailure {
        ParsedArgs a = call.args();
        StoragePool p = StorageLookup.pool(call, "pool");
        String name = a.required("name");
        long capacity = ScaledSize.bytes(a.required("capacity"), "capacity", 1);
        StringBuilder xml = new StringBuilder("<volume>\n  <name>").append(name).append("</name>\n  <capacity>")
                .append(capacity).append("</capacity>\n");
        if (a.value("allocation").isPresent()) {
            xml.append("  <allocation>").append(ScaledSize.bytes(a.value("allocation").get(), "allocation", 1))
                    .append("</allocation>\n");
        }
        a.value("format").ifPresent(f -> xml.append("  <target>\n    <format type='").append(f).append("'/>\n  </target>\n"));
        if (a.value("backing-vol").isPresent()) {
            xml.append("  <backingStore>\n    <path>").append(a.value("backing-vol").get()).append("</path>\n");
            a.value("backing-vol-format").ifPresent(f -> xml.append("    <format type='").append(f).append("'/>\n"));
            xml.append("  </backingStore>\n");
        }
        xml.append("</volume>\n");
        try {
            StorageVol v = p.createVolume(xml.toString(), a.flag("prealloc-metadata") ? 1 : 0);
            call.print("Vol " + v.name() + " created\n");
        } catch (VirtException e) {
            throw new CommandFailure("Failed to create vol " + name, e);
        }
    }

    static void create(Invocation call) throws CommandFailure, Invocation.ConnectFailure {
        StoragePool p = StorageLookup.pool(call, "pool");
        String file = call.args().required("file");
        String xml = DefinitionCommands.read(file);
        try {
            StorageVol v = p.createVolume(xml, call.args().flag("prealloc-metadata") ? 1 : 0);
            call.print("Vol " + v.name() + " created from " + file + "\n");
        } catch (VirtException e) {
            throw new CommandFailure("Failed to create vol from " + file, e);
        }
    }

    static void cloneVol(Invocation call) throws CommandFailure, Invocation.ConnectFailure, VirtException {
        StorageVol source = StorageLookup.vol(call);
        String name = call.args().required("newname");
        StoragePool p = source.pool();
        String xml = source.xmlDesc(0).replaceFirst("<name>[^<]*</name>", "<name>" + name + "</name>")
                .replaceFirst("(?s)<key>[^<]*</key>\\s*", "");
        try {
            StorageVol v = p.createVolumeFrom(xml, source, call.args().flag("prealloc-metadata") ? 1 : 0);
            call.print("Vol " + v.name() + " cloned from " + source.name() + "\n");
        } catch (VirtException e) {
            throw new CommandFailure("Failed to clone vol from " + source.name(), e);
        }
    }

    static void list(Invocation call) throws CommandFailure, Invocation.ConnectFailure {
        StoragePool p = StorageLookup.pool(call, "pool");
        List<StorageVol> vols;
        try {
            vols = p.listAllVolumes(0);
        } catch (VirtException e) {
            throw new CommandFailure("Failed to list storage volumes", e);
        }
        VshTable table = new VshTable("Name", "Path");
        for (StorageVol v : vols.stream().sorted(Comparator.comparing(StorageVol::name)).toList()) {
            try {
                table.row(v.name(), v.path());
            } catch (VirtException e) {
                continue; // deleted while listing
            }
        }
        call.print(table.render());
    }

    static void info(Invocation call) throws CommandFailure, Invocation.ConnectFailure, VirtException {
        StorageVol v = StorageLookup.vol(call);
        StorageVolInfo i = v.info();
        call.print(String.format("%-15s %s\n%-15s %s\n%-15s %s\n%-15s %s\n", "Name:", v.name(), "Type:",
                TYPES[i.type().number()], "Capacity:", StorageLookup.pretty(i.capacity()), "Allocation:",
                StorageLookup.pretty(i.allocation())));
    }

    static void dumpxml(Invocation call) throws CommandFailure, Invocation.ConnectFailure, VirtException {
        call.print(StorageLookup.vol(call).xmlDesc(0));
    }

    static void path(Invocation call) throws CommandFailure, Invocation.ConnectFailure, VirtException {
        call.print(StorageLookup.vol(call).path() + "\n");
    }

    static void delete(Invocation call) throws CommandFailure, Invocation.ConnectFailure {
        StorageVol v = StorageLookup.vol(call);
        PoolActions.change(() -> v.delete(0), "Failed to delete vol " + v.name());
        call.print("Vol " + v.name() + " deleted\n");
    }

    static void wipe(Invocation call) throws CommandFailure, Invocation.ConnectFailure {
        StorageVol v = StorageLookup.vol(call);
        PoolActions.change(() -> v.wipe(0), "Failed to wipe vol " + v.name());
        call.print("Vol " + v.name() + " wiped\n");
    }

    static void resize(Invocation call) throws CommandFailure, Invocation.ConnectFailure {
        ParsedArgs a = call.args();
        StorageVol v = StorageLookup.vol(call);
        String text = a.required("capacity");
        boolean negative = text.startsWith("-");
        long capacity = ScaledSize.bytes(negative ? text.substring(1) : text, "capacity", 1);
        int flags = (a.flag("allocate") ? StorageVolResizeFlag.ALLOCATE.bit() : 0)
                | (a.flag("delta") || negative ? StorageVolResizeFlag.DELTA.bit() : 0)
                | (a.flag("shrink") || negative ? StorageVolResizeFlag.SHRINK.bit() : 0);
        PoolActions.change(() -> v.resize(capacity, flags), "Failed to change size of volume '" + v.name() + "' to " + text);
        call.print("Size of volume '" + v.name() + "' successfully changed to " + text + "\n");
    }
}

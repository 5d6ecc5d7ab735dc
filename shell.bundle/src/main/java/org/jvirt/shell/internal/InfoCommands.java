package org.jvirt.shell.internal;

import static org.jvirt.shell.internal.CommandSpec.Option.flag;

import java.util.BitSet;
import java.util.List;

import org.apache.felix.service.command.Descriptor;
import org.jvirt.api.ConnectionFactory;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ModificationFlag;
import org.jvirt.api.NodeInfo;
import org.jvirt.api.SecurityModel;
import org.jvirt.api.VcpuInfo;
import org.jvirt.api.VirtException;
import org.jvirt.api.XmlFlag;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code virt:dominfo}, {@code virt:domstate}, {@code virt:vcpuinfo} and {@code virt:dumpxml},
 * printing what virsh prints. Output goes to the session's {@code System.out} (see
 * {@link ListCommands}).
 */
@Component(service = InfoCommands.class, property = {Scope.PROPERTY,
        "osgi.command.function=dominfo", "osgi.command.function=domstate",
        "osgi.command.function=vcpuinfo", "osgi.command.function=dumpxml"})
public final class InfoCommands {

    static final CommandSpec DOMINFO = CommandSpec.onDomain("dominfo");
    static final CommandSpec DOMSTATE = CommandSpec.onDomain("domstate", flag("reason"));
    static final CommandSpec VCPUINFO = CommandSpec.onDomain("vcpuinfo", flag("pretty"));
    static final CommandSpec DUMPXML = CommandSpec.onDomain("dumpxml", flag("inactive"),
            flag("security-info"), flag("update-cpu"), flag("migratable"));

    private final CommandRunner runner;

    @Activate
    public InfoCommands(@Reference ConnectionFactory factory) {
        this.runner = new CommandRunner(factory);
    }

    @Descriptor("domain information, as virsh dominfo: [-c URI] <domain>")
    public void dominfo(String... args) {
        runner.run(DOMINFO, args, InfoCommands::dominfo, System.out, System.err);
    }

    @Descriptor("domain state, as virsh domstate: [-c URI] <domain> [--reason]")
    public void domstate(String... args) {
        runner.run(DOMSTATE, args, InfoCommands::domstate, System.out, System.err);
    }

    @Descriptor("domain vCPU information, as virsh vcpuinfo: [-c URI] <domain> [--pretty]")
    public void vcpuinfo(String... args) {
        runner.run(VCPUINFO, args, InfoCommands::vcpuinfo, System.out, System.err);
    }

    @Descriptor("domain XML, as virsh dumpxml: [-c URI] <domain> [--inactive] [--security-info]")
    public void dumpxml(String... args) {
        runner.run(DUMPXML, args, InfoCommands::dumpxml, System.out, System.err);
    }

    static void dominfo(Invocation call) throws CommandFailure, Invocation.ConnectFailure, VirtException {
        Domain d = call.domain();
        VirtException infoError = null;
        DomainInfo info = null;
        try {
            info = d.info();
        } catch (VirtException e) {
            infoError = e;
        }
        // virsh leaves the line out when virDomainHasManagedSaveImage fails
        call.print(DomainFormat.dominfo(new DomainFormat.DomInfo(d.id(), d.name(), d.uuid(),
                orNull(d::osType), info, orNull(d::isPersistent), orNull(d::autostart),
                orNull(() -> d.hasManagedSaveImage(0)))));
        if (infoError != null) {
            throw new CommandFailure(null, infoError);
        }
        securityLines(call, d);
    }

    /** virsh's cmdDominfo: a driver without a security model prints nothing more; other errors fail. */
    private static void securityLines(Invocation call, Domain d) throws CommandFailure, Invocation.ConnectFailure {
        SecurityModel model;
        try {
            model = call.connection().securityModel();
        } catch (VirtException e) {
            if (e.code() == ErrorCode.NO_SUPPORT) {
                return;
            }
            throw new CommandFailure(null, e);
        }
        if (model.model().isEmpty()) {
            return;
        }
        try {
            call.print(DomainFormat.security(model, d.securityLabel()));
        } catch (VirtException e) {
            call.print(DomainFormat.security(model, null));
            throw new CommandFailure(null, e);
        }
    }

    static void domstate(Invocation call) throws CommandFailure, Invocation.ConnectFailure, VirtException {
        Domain d = call.domain();
        call.print(DomainFormat.domstate(d.state(), call.args().flag("reason")));
    }

    /**
     * virsh's {@code cmdVcpuinfo}: affinity is printed for every host CPU; a shut-off domain whose
     * driver cannot list vCPUs shows its configured pinning instead.
     */
    static void vcpuinfo(Invocation call) throws CommandFailure, Invocation.ConnectFailure, VirtException {
        Domain d = call.domain();
        boolean pretty = call.args().flag("pretty");
        int hostCpus = hostCpus(call.connection().nodeInfo());
        DomainInfo info = d.info();
        List<VcpuInfo> vcpus;
        try {
            vcpus = d.vcpuInfo();
        } catch (VirtException e) {
            if (info.state() != DomainState.SHUTOFF) {
                throw e;
            }
            List<BitSet> pinning = d.vcpuPinInfo(ModificationFlag.CONFIG.bit());
            call.print(VcpuFormat.inactive(pinning.subList(0, Math.min(info.nrVirtCpu(), pinning.size())),
                    hostCpus, pretty));
            return;
        }
        call.print(VcpuFormat.active(vcpus, hostCpus, pretty));
    }

    /** libvirt's {@code VIR_NODEINFO_MAXCPUS}: what virsh uses without virNodeGetCPUMap. */
    static int hostCpus(NodeInfo node) {
        return node.nodes() * node.sockets() * node.cores() * node.threads();
    }

    static void dumpxml(Invocation call) throws CommandFailure, Invocation.ConnectFailure, VirtException {
        ParsedArgs args = call.args();
        int flags = 0;
        flags |= args.flag("inactive") ? XmlFlag.INACTIVE.bit() : 0;
        flags |= args.flag("security-info") ? XmlFlag.SECURE.bit() : 0;
        flags |= args.flag("update-cpu") ? XmlFlag.UPDATE_CPU.bit() : 0;
        flags |= args.flag("migratable") ? XmlFlag.MIGRATABLE.bit() : 0;
        Domain d = call.domain();
        call.print(d.xmlDesc(flags));
    }

    private interface Getter<T> {
        T get() throws VirtException;
    }

    /** A value virsh prints as {@code unknown} (or leaves out) when its API call fails. */
    private static <T> T orNull(Getter<T> getter) {
        try {
            return getter.get();
        } catch (VirtException e) {
            return null;
        }
    }
}

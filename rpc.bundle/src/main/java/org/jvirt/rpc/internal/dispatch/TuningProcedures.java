package org.jvirt.rpc.internal.dispatch;

import static org.jvirt.rpc.internal.dispatch.Access.READ;
import static org.jvirt.rpc.internal.dispatch.Access.WRITE;
import static org.jvirt.rpc.internal.dispatch.Wire.domain;

import java.util.BitSet;
import java.util.List;

import org.jvirt.api.Domain;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.ParameterType;
import org.jvirt.api.SchedulerType;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.wire.TypedParams;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/**
 * Scheduler, memory and block I/O parameters and emulator pinning, as libvirtd's
 * remoteDispatchDomain* handlers: {@code nparams} bounds the answer (0 asks how many, for memory
 * and block I/O), string parameters go only to callers that said {@code VIR_TYPED_PARAM_STRING_OKAY}.
 */
final class TuningProcedures {
    void registerInto(ProcedureTable t) {
        t.add(RemoteProc.DOMAIN_GET_SCHEDULER_TYPE, "virDomainGetSchedulerType", READ, (c, a, r) -> {
            SchedulerType type = domain(c, a).schedulerType();
            r.writeString(type.type()).writeInt(type.nparams());
        });
        t.add(RemoteProc.DOMAIN_GET_SCHEDULER_PARAMETERS, "virDomainGetSchedulerParameters", READ, (c, a, r) -> {
            Domain d = domain(c, a);
            int nparams = a.readInt();
            positive(checkMax(nparams, RemoteProc.DOMAIN_SCHEDULER_PARAMETERS_MAX), "virDomainGetSchedulerParameters");
            TypedParams.write(r, bounded(d.schedulerParameters(0), nparams, 0));
        });
        t.add(RemoteProc.DOMAIN_GET_SCHEDULER_PARAMETERS_FLAGS, "virDomainGetSchedulerParametersFlags", READ,
                (c, a, r) -> {
                    Domain d = domain(c, a);
                    int nparams = checkMax(a.readInt(), RemoteProc.DOMAIN_SCHEDULER_PARAMETERS_MAX);
                    int flags = a.readInt();
                    positive(nparams, "virDomainGetSchedulerParametersFlags");
                    TypedParams.write(r, bounded(d.schedulerParameters(flags), nparams, flags));
                });
        t.add(RemoteProc.DOMAIN_SET_SCHEDULER_PARAMETERS, "virDomainSetSchedulerParameters", WRITE, (c, a, r) -> {
            Domain d = domain(c, a);
            d.setSchedulerParameters(TypedParams.read(a, RemoteProc.DOMAIN_SCHEDULER_PARAMETERS_MAX), 0);
        });
        t.add(RemoteProc.DOMAIN_SET_SCHEDULER_PARAMETERS_FLAGS, "virDomainSetSchedulerParametersFlags", WRITE,
                (c, a, r) -> {
                    Domain d = domain(c, a);
                    List<TypedParameter> params = TypedParams.read(a, RemoteProc.DOMAIN_SCHEDULER_PARAMETERS_MAX);
                    d.setSchedulerParameters(params, a.readInt());
                });
        t.add(RemoteProc.DOMAIN_GET_MEMORY_PARAMETERS, "virDomainGetMemoryParameters", READ, (c, a, r) -> {
            Domain d = domain(c, a);
            int nparams = checkMax(a.readInt(), RemoteProc.DOMAIN_MEMORY_PARAMETERS_MAX);
            int flags = a.readInt();
            nonNegative(nparams, "virDomainGetMemoryParameters");
            countOrParams(r, d.memoryParameters(flags), nparams, flags);
        });
        t.add(RemoteProc.DOMAIN_SET_MEMORY_PARAMETERS, "virDomainSetMemoryParameters", WRITE, (c, a, r) -> {
            Domain d = domain(c, a);
            List<TypedParameter> params = TypedParams.read(a, RemoteProc.DOMAIN_MEMORY_PARAMETERS_MAX);
            d.setMemoryParameters(params, a.readInt());
        });
        t.add(RemoteProc.DOMAIN_GET_BLKIO_PARAMETERS, "virDomainGetBlkioParameters", READ, (c, a, r) -> {
            Domain d = domain(c, a);
            int nparams = checkMax(a.readInt(), RemoteProc.DOMAIN_BLKIO_PARAMETERS_MAX);
            int flags = a.readInt();
            nonNegative(nparams, "virDomainGetBlkioParameters");
            countOrParams(r, d.blkioParameters(flags), nparams, flags);
        });
        t.add(RemoteProc.DOMAIN_SET_BLKIO_PARAMETERS, "virDomainSetBlkioParameters", WRITE, (c, a, r) -> {
            Domain d = domain(c, a);
            List<TypedParameter> params = TypedParams.read(a, RemoteProc.DOMAIN_BLKIO_PARAMETERS_MAX);
            d.setBlkioParameters(params, a.readInt());
        });
        t.add(RemoteProc.DOMAIN_PIN_EMULATOR, "virDomainPinEmulator", WRITE, (c, a, r) -> {
            Domain d = domain(c, a);
            byte[] map = a.readOpaque(RemoteProc.CPUMAP_MAX);
            int flags = a.readInt();
            positive(map.length, "virDomainPinEmulator", "maplen");
            d.pinEmulator(Wire.bits(map), flags);
        });
        t.add(RemoteProc.DOMAIN_GET_EMULATOR_PIN_INFO, "virDomainGetEmulatorPinInfo", READ, (c, a, r) -> {
            Domain d = domain(c, a);
            int maplen = a.readInt();
            int flags = a.readInt();
            if (maplen > RemoteProc.CPUMAP_MAX) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.REMOTE, "maxinfo * maplen > REMOTE_CPUMAPS_MAX");
            }
            positive(maplen, "virDomainGetEmulatorPinInfo", "maplen");
            BitSet cpus = d.emulatorPinInfo(flags);
            r.writeOpaque(Wire.map(cpus, maplen)).writeInt(1);
        });
    }

    /** remoteDispatch*: "nparams too large" before anything else. */
    private static int checkMax(int nparams, int max) throws VirtException {
        if (nparams > max) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.REMOTE, "nparams too large");
        }
        return nparams;
    }

    private static void positive(int n, String function) throws VirtException {
        positive(n, function, "nparams");
    }

    /** libvirt-domain.c's virCheckPositiveArg. */
    private static void positive(int n, String function, String arg) throws VirtException {
        if (n <= 0) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN,
                    arg + " in " + function + " must be greater than zero");
        }
    }

    private static void nonNegative(int n, String function) throws VirtException {
        if (n < 0) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN,
                    "nparams in " + function + " must be zero or greater");
        }
    }

    /** {@code nparams} 0 asks how many there are; else at most {@code nparams} of them. */
    private static void countOrParams(XdrWriter r, List<TypedParameter> all, int nparams, int flags) {
        if (nparams == 0) {
            TypedParams.write(r, List.of());
            r.writeInt(all.size());
            return;
        }
        TypedParams.write(r, bounded(all, nparams, flags));
        r.writeInt(0);
    }

    /** The first {@code nparams}, without strings for a caller that cannot take them (virTypedParamsSerialize). */
    private static List<TypedParameter> bounded(List<TypedParameter> all, int nparams, int flags) {
        List<TypedParameter> first = all.subList(0, Math.min(nparams, all.size()));
        if ((flags & RemoteProc.TYPED_PARAM_STRING_OKAY) != 0) {
            return first;
        }
        return first.stream().filter(p -> p.type() != ParameterType.STRING).toList();
    }
}

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
 * Scheduler, memory, block I/O and interface bandwidth parameters and emulator pinning, as libvirtd's
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
            int nparams = checkMax(a.readInt(), RemoteProc.DOMAIN_SCHEDULER_PARAMETERS_MAX);
            positive(nparams, "virDomainGetSchedulerParameters");
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
            d.setSchedulerParameters(nonEmpty(TypedParams.read(a, RemoteProc.DOMAIN_SCHEDULER_PARAMETERS_MAX),
                    "virDomainSetSchedulerParameters"), 0);
        });
        t.add(RemoteProc.DOMAIN_SET_SCHEDULER_PARAMETERS_FLAGS, "virDomainSetSchedulerParametersFlags", WRITE,
                (c, a, r) -> {
                    Domain d = domain(c, a);
                    List<TypedParameter> params = nonEmpty(TypedParams.read(a, RemoteProc.DOMAIN_SCHEDULER_PARAMETERS_MAX),
                    "virDomainSetSchedulerParametersFlags");
                    d.setSchedulerParameters(params, a.readInt());
                });
        t.add(RemoteProc.DOMAIN_GET_MEMORY_PARAMETERS, "virDomainGetMemoryParameters", READ, (c, a, r) -> {
            Domain d = domain(c, a);
            int nparams = checkMax(a.readInt(), RemoteProc.DOMAIN_MEMORY_PARAMETERS_MAX);
            int flags = a.readInt();
            countOrParams(r, d.memoryParameters(flags), nparams, flags);
        });
        t.add(RemoteProc.DOMAIN_SET_MEMORY_PARAMETERS, "virDomainSetMemoryParameters", WRITE, (c, a, r) -> {
            Domain d = domain(c, a);
            List<TypedParameter> params = nonEmpty(TypedParams.read(a, RemoteProc.DOMAIN_MEMORY_PARAMETERS_MAX),
                    "virDomainSetMemoryParameters");
            d.setMemoryParameters(params, a.readInt());
        });
        t.add(RemoteProc.DOMAIN_GET_BLKIO_PARAMETERS, "virDomainGetBlkioParameters", READ, (c, a, r) -> {
            Domain d = domain(c, a);
            int nparams = checkMax(a.readInt(), RemoteProc.DOMAIN_BLKIO_PARAMETERS_MAX);
            int flags = a.readInt();
            countOrParams(r, d.blkioParameters(flags), nparams, flags);
        });
        t.add(RemoteProc.DOMAIN_SET_BLKIO_PARAMETERS, "virDomainSetBlkioParameters", WRITE, (c, a, r) -> {
            Domain d = domain(c, a);
            List<TypedParameter> params = nonEmpty(TypedParams.read(a, RemoteProc.DOMAIN_BLKIO_PARAMETERS_MAX),
                    "virDomainSetBlkioParameters");
            d.setBlkioParameters(params, a.readInt());
        });
        t.add(RemoteProc.DOMAIN_GET_INTERFACE_PARAMETERS, "virDomainGetInterfaceParameters", READ, (c, a, r) -> {
            Domain d = domain(c, a);
            String device = a.readString();
            int nparams = checkMax(a.readInt(), RemoteProc.DOMAIN_INTERFACE_PARAMETERS_MAX);
            int flags = a.readInt();
            if (nparams == 0) {
                // the drivers count without looking the device up, as libvirt's do for nparams 0
                TypedParams.write(r, List.of());
                r.writeInt(d.interfaceParameterCount(device, flags));
                return;
            }
            countOrParams(r, d.interfaceParameters(device, flags), nparams, flags);
        });
        t.add(RemoteProc.DOMAIN_SET_INTERFACE_PARAMETERS, "virDomainSetInterfaceParameters", WRITE, (c, a, r) -> {
            Domain d = domain(c, a);
            String device = a.readString();
            List<TypedParameter> params = nonEmpty(TypedParams.read(a, RemoteProc.DOMAIN_INTERFACE_PARAMETERS_MAX),
                    "virDomainSetInterfaceParameters");
            d.setInterfaceParameters(device, params, a.readInt());
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
            if (maplen < 0) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, "maplen must be non-negative");
            }
            if (maplen > RemoteProc.CPUMAP_MAX) {
                // libvirtd asks the driver and then cannot fit the map into the reply's opaque<REMOTE_CPUMAP_MAX>
                throw new VirtException(ErrorCode.RPC, ErrorDomain.RPC, "Unable to encode message payload");
            }
            positive(maplen, "virDomainGetEmulatorPinInfo", "maplen");
            BitSet cpus = d.emulatorPinInfo(flags);
            r.writeOpaque(Wire.map(cpus, maplen)).writeInt(1);
        });
    }

    /** remoteDispatch*: "nparams too large" or "must be non-negative", from the daemon (RPC), before the API. */
    private static int checkMax(int nparams, int max) throws VirtException {
        if (nparams > max) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, "nparams too large");
        }
        if (nparams < 0) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, "nparams must be non-negative");
        }
        return nparams;
    }

    /**
     * libvirt-domain.c's virCheckNonNullArg on the parameters: glibc's XDR decodes an empty array
     * as NULL, which the virDomainSet*Parameters functions refuse before the driver sees the flags.
     */
    private static List<TypedParameter> nonEmpty(List<TypedParameter> params, String function) throws VirtException {
        if (params.isEmpty()) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN,
                    "params in " + function + " must not be NULL");
        }
        return params;
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

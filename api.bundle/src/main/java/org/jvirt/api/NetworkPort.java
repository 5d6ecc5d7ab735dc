package org.jvirt.api;

import java.util.List;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A port of a running {@link Network}: libvirt's {@code virNetworkPortPtr}, the network's side of
 * a guest interface plugged into it (created by a hypervisor driver when a guest starts, or by
 * {@link Network#createPort}). It names its port by UUID; every call reads the current state.
 * <p>
 * Thread-safe. Methods throw {@link VirtException}: {@link ErrorCode#NO_NETWORK_PORT} once the port
 * is gone, {@link ErrorCode#OPERATION_INVALID} when the network is not active,
 * {@link ErrorCode#OPERATION_DENIED} for a change through a read-only connection.
 */
@ProviderType
public interface NetworkPort {
    /** libvirt's {@code VIR_NETWORK_PORT_BANDWIDTH_*} parameter names (all {@link ParameterType#UINT}). */
    String BANDWIDTH_IN_AVERAGE = "inbound.average";
    String BANDWIDTH_IN_PEAK = "inbound.peak";
    String BANDWIDTH_IN_BURST = "inbound.burst";
    String BANDWIDTH_IN_FLOOR = "inbound.floor";
    String BANDWIDTH_OUT_AVERAGE = "outbound.average";
    String BANDWIDTH_OUT_PEAK = "outbound.peak";
    String BANDWIDTH_OUT_BURST = "outbound.burst";

    Network network();

    UUID uuid();

    /** The port's XML ({@code virNetworkPortGetXMLDesc}); {@code flags} must be 0. */
    String xmlDesc(int flags) throws VirtException;

    /** Releases the port ({@code virNetworkPortDelete}); {@code flags} must be 0. */
    void delete(int flags) throws VirtException;

    /** The port's bandwidth as the {@code BANDWIDTH_*} parameters ({@code virNetworkPortGetParameters}). */
    List<TypedParameter> parameters(int flags) throws VirtException;

    /**
     * Replaces the port's bandwidth ({@code virNetworkPortSetParameters}): a direction without its
     * average (inbound: average or floor) has no limit afterwards; {@code flags} must be 0.
     */
    void setParameters(List<TypedParameter> params, int flags) throws VirtException;
}

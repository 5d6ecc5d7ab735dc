package org.jvirt.api.xml;

import java.util.List;
import java.util.Objects;

/**
 * An {@code <interface>} (network interface). Sub-elements libvirt's QEMU and LXC drivers do not
 * read (vlan, virtualport, filterref, tune, coalesce, portForward, guest, ...) stay in
 * {@code other}.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class NetInterface implements Device {
    private final String type;
    private final String managed;
    private final String trustGuestRxFilters;
    private final String mac;
    private final String macType;
    private final String macCheck;
    private final NetSource source;
    private final List<NetIp> ips;
    private final List<NetRoute> routes;
    private final String script;
    private final String downscript;
    private final String targetDev;
    private final String targetManaged;
    private final String modelType;
    private final NetDriver driver;
    private final Backend backend;
    private final Teaming teaming;
    private final String linkState;
    private final Integer mtu;
    private final NetBandwidth bandwidth;
    private final Preserved other;
    private final DeviceInfo info;

    NetInterface(NetInterfaceBuilder b) {
        this.type = b.type;
        this.managed = b.managed;
        this.trustGuestRxFilters = b.trustGuestRxFilters;
        this.mac = b.mac;
        this.macType = b.macType;
        this.macCheck = b.macCheck;
        this.source = b.source;
        this.ips = List.copyOf(b.ips == null ? List.of() : b.ips);
        this.routes = List.copyOf(b.routes == null ? List.of() : b.routes);
        this.script = b.script;
        this.downscript = b.downscript;
        this.targetDev = b.targetDev;
        this.targetManaged = b.targetManaged;
        this.modelType = b.modelType;
        this.driver = b.driver;
        this.backend = b.backend;
        this.teaming = b.teaming;
        this.linkState = b.linkState;
        this.mtu = b.mtu;
        this.bandwidth = b.bandwidth;
        this.other = b.other == null ? Preserved.NONE : b.other;
        this.info = b.info == null ? DeviceInfo.NONE : b.info;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static NetInterfaceBuilder builder() {
        return new NetInterfaceBuilder();
    }

    /** A builder holding this object's values. */
    public NetInterfaceBuilder toBuilder() {
        return new NetInterfaceBuilder(this);
    }

    /** {@code network}, {@code bridge}, {@code user}, {@code ethernet}, {@code direct}, {@code hostdev}, {@code vhostuser}, ... */
    public String type() {
        return type;
    }

    /** {@code <interface managed=>} of a hostdev interface ({@code yes}/{@code no}), or null */
    public String managed() {
        return managed;
    }

    /** {@code yes}/{@code no}, or null */
    public String trustGuestRxFilters() {
        return trustGuestRxFilters;
    }

    /** the MAC address, lower case (the parser generates one under 52:54:00 when absent or all zero, as libvirt does) */
    public String mac() {
        return mac;
    }

    /** {@code <mac type=>} ({@code generated}/{@code static}), or null */
    public String macType() {
        return macType;
    }

    /** {@code <mac check=>} ({@code yes}/{@code no}), or null */
    public String macCheck() {
        return macCheck;
    }

    /** {@code <source>}, or null */
    public NetSource source() {
        return source;
    }

    /** the {@code <ip>} addresses given to the guest side, in order */
    public List<NetIp> ips() {
        return ips;
    }

    /** the {@code <route>} entries, in order */
    public List<NetRoute> routes() {
        return routes;
    }

    /** {@code <script path=>}, or null */
    public String script() {
        return script;
    }

    /** {@code <downscript path=>}, or null */
    public String downscript() {
        return downscript;
    }

    /** {@code <target dev=>}: the host side device name, or null */
    public String targetDev() {
        return targetDev;
    }

    /** {@code <target managed=>} ({@code yes}/{@code no}), or null */
    public String targetManaged() {
        return targetManaged;
    }

    /** {@code <model type=>} ({@code virtio}, {@code e1000e}, ...), or null */
    public String modelType() {
        return modelType;
    }

    /** {@code <driver>}, or null */
    public NetDriver driver() {
        return driver;
    }

    /** {@code <backend>}, or null */
    public Backend backend() {
        return backend;
    }

    /** {@code <teaming>}, or null */
    public Teaming teaming() {
        return teaming;
    }

    /** {@code <link state=>} ({@code up}/{@code down}), or null */
    public String linkState() {
        return linkState;
    }

    /** {@code <mtu size=>}, or null */
    public Integer mtu() {
        return mtu;
    }

    /** {@code <bandwidth>}: the QoS the host applies to the interface, or null */
    public NetBandwidth bandwidth() {
        return bandwidth;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** the device's {@code <alias>}, {@code <address>}, {@code <boot>}, {@code <acpi>} and {@code <rom>}, never null */
    public DeviceInfo info() {
        return info;
    }

    /** A copy with {@code type} replaced. */
    public NetInterface withType(String newType) {
        return toBuilder().type(newType).build();
    }

    /** A copy with {@code managed} replaced. */
    public NetInterface withManaged(String newManaged) {
        return toBuilder().managed(newManaged).build();
    }

    /** A copy with {@code targetDev} replaced. */
    public NetInterface withTargetDev(String newTargetDev) {
        return toBuilder().targetDev(newTargetDev).build();
    }

    /** A copy with {@code modelType} replaced. */
    public NetInterface withModelType(String newModelType) {
        return toBuilder().modelType(newModelType).build();
    }

    /** A copy with {@code driver} replaced. */
    public NetInterface withDriver(NetDriver newDriver) {
        return toBuilder().driver(newDriver).build();
    }

    /** A copy with {@code backend} replaced. */
    public NetInterface withBackend(Backend newBackend) {
        return toBuilder().backend(newBackend).build();
    }

    /** A copy with {@code other} replaced. */
    public NetInterface withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /** A copy with {@code info} replaced. */
    public NetInterface withInfo(DeviceInfo newInfo) {
        return toBuilder().info(newInfo).build();
    }

    @Override
    public String elementName() {
        return "interface";
    }

    /**
     * {@code <backend type= tap= vhost= logFile=/>}.
     *
     * @param type    {@code default} or {@code passt}, or null
     * @param tap     the tap device path, or null
     * @param vhost   the vhost-net device path, or null
     * @param logFile the passt log file, or null
     */
    public record Backend(String type, String tap, String vhost, String logFile) {
    }

    /**
     * {@code <teaming type= persistent=/>} of an interface or hostdev (virtio failover).
     *
     * @param type       {@code persistent} or {@code transient}
     * @param persistent the alias of the persistent device (type transient), or null
     */
    public record Teaming(String type, String persistent) {
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof NetInterface x)) {
            return false;
        }
        return Objects.equals(type, x.type) && Objects.equals(managed, x.managed)
                && Objects.equals(trustGuestRxFilters, x.trustGuestRxFilters) && Objects.equals(mac, x.mac)
                && Objects.equals(macType, x.macType) && Objects.equals(macCheck, x.macCheck)
                && Objects.equals(source, x.source) && Objects.equals(ips, x.ips)
                && Objects.equals(routes, x.routes) && Objects.equals(script, x.script)
                && Objects.equals(downscript, x.downscript) && Objects.equals(targetDev, x.targetDev)
                && Objects.equals(targetManaged, x.targetManaged) && Objects.equals(modelType, x.modelType)
                && Objects.equals(driver, x.driver) && Objects.equals(backend, x.backend)
                && Objects.equals(teaming, x.teaming) && Objects.equals(linkState, x.linkState)
                && Objects.equals(mtu, x.mtu) && Objects.equals(bandwidth, x.bandwidth)
                && Objects.equals(other, x.other) && Objects.equals(info, x.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, managed, trustGuestRxFilters, mac, macType, macCheck, source, ips, routes,
                script, downscript, targetDev, targetManaged, modelType, driver, backend, teaming, linkState,
                mtu, bandwidth, other, info);
    }

    @Override
    public String toString() {
        return "NetInterface[type=" + type + ", managed=" + managed
                + ", trustGuestRxFilters=" + trustGuestRxFilters + ", mac=" + mac + ", macType=" + macType
                + ", macCheck=" + macCheck + ", source=" + source + ", ips=" + ips + ", routes=" + routes
                + ", script=" + script + ", downscript=" + downscript + ", targetDev=" + targetDev
                + ", targetManaged=" + targetManaged + ", modelType=" + modelType + ", driver=" + driver
                + ", backend=" + backend + ", teaming=" + teaming + ", linkState=" + linkState
                + ", mtu=" + mtu + ", bandwidth=" + bandwidth + ", other=" + other + ", info=" + info + "]";
    }

}

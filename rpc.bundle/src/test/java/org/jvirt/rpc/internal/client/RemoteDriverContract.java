package org.jvirt.rpc.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.jvirt.api.BlockStats;
import org.jvirt.api.Connection;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainEvent;
import org.jvirt.api.DomainEventType;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStats;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.MemoryFlag;
import org.jvirt.api.MemoryStat;
import org.jvirt.api.MemoryStatTag;
import org.jvirt.api.ModificationFlag;
import org.jvirt.api.OpenFlag;
import org.jvirt.api.SchedulerType;
import org.jvirt.api.StatsGroup;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VcpuFlag;
import org.jvirt.api.VcpuInfo;
import org.jvirt.api.VirtException;
import org.jvirt.core.internal.CoreConnectionFactory;
import org.jvirt.rpc.internal.testkit.ProcedureTap;
import org.jvirt.rpc.internal.wire.RemoteProc;

/**
 * jvirt's Java API through the core and the remote driver against a server speaking libvirt's
 * protocol; run against jvirtd and against a real libvirtd 9.0.
 */
abstract class RemoteDriverContract {
    protected final CoreConnectionFactory core =
            CoreConnectionFactory.forDriver(new RemoteDriver(RemoteSettings.defaults()), "remote");

    /** URIs of the server's test:///default: over UNIX, over TCP. */
    abstract List<String> uris();

    /** The read-only UNIX URI. */
    abstract String readOnlyUri();

    /** The server's plain TCP port on the loopback address. */
    abstract int tcpPort();

    private static final UUID TEST_UUID = UUID.fromString("6695eb01-f6a4-8304-79aa-97f2502e193f");

    /**
     * {@link Connection#domainHandle} through the remote driver: making the handle sends nothing,
     * each call on it is the one procedure of that call on the wire (no lookup first, as libvirt's
     * remote driver, whose virDomainPtr is a handle too), and a domain the server does not have fails
     * the call itself with the server's NO_DOMAIN.
     */
    @Test
    void aHandleIsOneProcedurePerCall() throws Exception {
        try (ProcedureTap tap = new ProcedureTap(tcpPort());
                Connection c = core.open("test+tcp://127.0.0.1:" + tap.port() + "/default", 0)) {
            tap.clear();
            Domain h = c.domainHandle("test", TEST_UUID, 1);
            assertEquals(List.of(), tap.calls(), "making a handle calls nothing");
            assertEquals(DomainState.RUNNING, h.info().state());
            assertTrue(h.xmlDesc(0).contains("<name>test</name>"));
            h.suspend();
            assertEquals(DomainState.PAUSED, h.state().state());
            h.resume();
            assertEquals(List.of(RemoteProc.DOMAIN_GET_INFO, RemoteProc.DOMAIN_GET_XML_DESC,
                    RemoteProc.DOMAIN_SUSPEND, RemoteProc.DOMAIN_GET_STATE, RemoteProc.DOMAIN_RESUME), tap.calls());

            tap.clear();
            UUID none = UUID.randomUUID();
            Domain gone = c.domainHandle("gone", none, -1);
            VirtException e = assertThrows(VirtException.class, gone::info);
            assertEquals(ErrorCode.NO_DOMAIN, e.code());
            // libvirtd's test driver names the UUID; jvirt's test driver makes no handles, so jvirtd's
            // core looks the domain up by UUID on the server and answers as that lookup does
            assertTrue(e.getMessage().startsWith("Domain not found"), e.getMessage());
            assertEquals(List.of(RemoteProc.DOMAIN_GET_INFO), tap.calls(), "the call itself failed, no lookup");
        }
    }

    @Test
    void queriesAndLookups() throws Exception {
        for (String uri : uris()) {
            try (Connection c = core.open(uri, 0)) {
                assertTrue(c.type().equalsIgnoreCase("test"), c.type());
                assertTrue(c.hostname().length() > 0);
                assertTrue(c.capabilities().contains("<capabilities>"));
                assertEquals(16, c.nodeInfo().cpus());
                List<Domain> all = c.listAllDomains(0);
                assertTrue(all.stream().anyMatch(d -> d.name().equals("test")), all.toString());
                Domain d = c.lookupByName("test");
                assertEquals(UUID.fromString("6695eb01-f6a4-8304-79aa-97f2502e193f"), d.uuid());
                assertEquals(1, d.id());
                assertEquals(DomainState.RUNNING, d.state().state());
                assertEquals(DomainState.RUNNING, d.info().state());
                assertEquals(2, d.info().nrVirtCpu());
                assertEquals("test", c.lookupByUuid(d.uuid()).name());
                assertEquals("test", c.lookupById(1).name());
                assertTrue(d.isPersistent());
                assertTrue(d.xmlDesc(0).contains("<name>test</name>"));
                List<VcpuInfo> vcpus = d.vcpuInfo();
                assertEquals(2, vcpus.size());
                assertFalse(vcpus.get(0).affinity().isEmpty(), "affinity is transferred");
                VirtException e = assertThrows(VirtException.class, () -> c.lookupByName("nosuch"));
                assertEquals(ErrorCode.NO_DOMAIN, e.code());
                assertTrue(e.getMessage().startsWith("Domain not found"), e.getMessage());
            }
        }
    }

    /**
     * virDomainListGetStats over handles, one of a domain the server does not have: one procedure on
     * the wire, and the missing domain is left out without an error (libvirt's drivers convert the
     * list with virDomainObjListConvert's skip_missing).
     */
    @Test
    void statsOfHandlesLeaveOutMissingDomains() throws Exception {
        try (ProcedureTap tap = new ProcedureTap(tcpPort());
                Connection c = core.open("test+tcp://127.0.0.1:" + tap.port() + "/default", 0)) {
            tap.clear();
            List<Domain> doms = List.of(c.domainHandle("gone", UUID.randomUUID(), -1),
                    c.domainHandle("test", TEST_UUID, 1));
            List<DomainStats> stats = c.domainStats(doms, StatsGroup.STATE.bit(), 0);
            assertEquals(1, stats.size(), stats.toString());
            assertEquals("test", stats.get(0).domain().name());
            assertEquals(List.of(TypedParameter.ofInt("state.state", 1), TypedParameter.ofInt("state.reason", 0)),
                    stats.get(0).params());
            assertEquals(List.of(), c.domainStats(doms.subList(0, 1), StatsGroup.STATE.bit(), 0));
            assertEquals(List.of(RemoteProc.CONNECT_GET_ALL_DOMAIN_STATS, RemoteProc.CONNECT_GET_ALL_DOMAIN_STATS),
                    tap.calls());
        }
    }

    @Test
    void resizingAndStatistics() throws Exception {
        int live = ModificationFlag.LIVE.bit();
        try (Connection c = core.open(uris().get(0), 0)) {
            Domain d = c.lookupByName("test");
            try {
                d.setVcpus(1, live);
                assertEquals(1, d.vcpusCount(live));
                assertEquals(2, d.vcpusCount(ModificationFlag.CONFIG.bit() | VcpuFlag.MAXIMUM.bit()));
                d.setMemory(1024, live);
                assertEquals(1024, d.info().memoryKiB());
                List<MemoryStat> stats = d.memoryStats(0);
                assertEquals(13, stats.size(), stats.toString());
                assertEquals(new MemoryStat(MemoryStatTag.ACTUAL_BALLOON, 1024), stats.get(0));
                assertEquals(new MemoryStat(MemoryStatTag.RSS, 512), stats.get(12));
                d.setMemoryStatsPeriod(3, live);
                assertTrue(d.xmlDesc(0).contains("<stats period='3'/>"), d.xmlDesc(0));
                VirtException e = assertThrows(VirtException.class, () -> d.setMemory(4096, MemoryFlag.MAXIMUM.bit()));
                assertEquals(ErrorCode.OPERATION_INVALID, e.code(), e.getMessage());

                List<DomainStats> all = c.allDomainStats(0, 0);
                DomainStats mine = all.stream().filter(r -> r.domain().name().equals("test")).findFirst().orElseThrow();
                assertEquals(List.of(TypedParameter.ofInt("state.state", 1), TypedParameter.ofInt("state.reason", 0)),
                        mine.params());
                List<DomainStats> one = c.domainStats(List.of(d), StatsGroup.STATE.bit(), 0);
                assertEquals(1, one.size());
                assertEquals(d, one.get(0).domain());
            } finally {
                d.setVcpus(2, live);
                d.setMemory(2097152, live);
                d.setMemoryStatsPeriod(0, live);
            }
        }
    }

    /**
     * DOMAIN_BLOCK_STATS (64) and DOMAIN_BLOCK_STATS_FLAGS (243) from the remote driver: the server's
     * test driver makes a disk's counters up from the time of day in microseconds (rd_req a tenth of
     * it, the others fractions of that), refuses a disk the domain lacks and the totals, and has no
     * flags variant; both servers must answer alike.
     */
    @Test
    void blockStatisticsOfADisk() throws Exception {
        try (Connection c = core.open(uris().get(0), 0)) {
            Domain d = c.createXml("<domain type='test'><name>blkc</name><memory>1024</memory><os><type>hvm</type>"
                    + "</os><devices><disk type='file' device='disk'><source file='/var/lib/blkc.img'/>"
                    + "<target dev='vda' bus='virtio'/></disk></devices></domain>", 0);
            try {
                long before = System.currentTimeMillis() / 1000;
                for (String disk : List.of("vda", "/var/lib/blkc.img")) {
                    BlockStats s = d.blockStats(disk);
                    assertEquals(new BlockStats(s.rdReq(), s.rdReq() / 2, s.rdReq() / 3, s.rdReq() / 4,
                            s.rdReq() / 100000 / 2), s);
                    long seconds = s.rdReq() / 100000;
                    assertTrue(seconds >= before - 1 && seconds <= System.currentTimeMillis() / 1000 + 1, s.toString());
                }
                VirtException bad = assertThrows(VirtException.class, () -> d.blockStats("hdz"));
                assertEquals("invalid argument: invalid path: hdz", bad.getMessage());
                VirtException all = assertThrows(VirtException.class, () -> d.blockStats(""));
                assertEquals(ErrorCode.OPERATION_UNSUPPORTED, all.code(), all.getMessage());
                VirtException flags = assertThrows(VirtException.class, () -> d.blockStatsParameters("vda", 0));
                assertEquals(ErrorCode.NO_SUPPORT, flags.code(), flags.getMessage());
            } finally {
                d.destroy(0);
            }
        }
    }

    /**
     * DOMAIN_RESET (245) and DOMAIN_PIN_VCPU (26) from the remote driver: the server's test driver
     * resets a running domain and refuses a shut-off one, and virDomainPinVcpu reaches the
     * server's driver as its own call; both servers must answer alike.
     */
    @Test
    void resetAndTheFlaglessPin() throws Exception {
        try (Connection c = core.open(uris().get(0), 0)) {
            Domain v = c.defineXml("<domain type='test'><name>remote2</name><memory>65536</memory>"
                    + "<vcpu>1</vcpu><os><type>hvm</type></os></domain>", 0);
            try {
                VirtException off = assertThrows(VirtException.class, () -> v.reset(0));
                assertEquals(ErrorCode.OPERATION_INVALID, off.code());
                assertEquals("Requested operation is not valid: domain is not running", off.getMessage());
                BitSet pin = new BitSet();
                pin.set(1);
                VirtException pinOff = assertThrows(VirtException.class, () -> v.pinVcpu(0, pin));
                assertEquals(ErrorCode.OPERATION_INVALID, pinOff.code());
                assertEquals("Requested operation is not valid: cannot pin vcpus on an inactive domain",
                        pinOff.getMessage());
                v.create(0);
                v.reset(0);
                assertEquals(DomainState.RUNNING, v.state().state());
                VirtException flags = assertThrows(VirtException.class, () -> v.reset(1));
                assertEquals("unsupported flags (0x1) in function testDomainReset", flags.getMessage());
                v.pinVcpu(0, pin);
                assertEquals(pin, v.vcpuPinInfo(0).get(0));
                v.destroy(0);
            } finally {
                v.undefine(0);
            }
        }
    }

    /** REMOTE_PROC_DOMAIN_SAVE, _RESTORE, _SAVE_FLAGS, _SAVE_IMAGE_*: a transient guest saved and brought back. */
    @Test
    void aTransientGuestIsSavedToAFileAndRestored() throws Exception {
        Path dir = Files.createTempDirectory("jvirt-save");
        String image = dir.resolve("r3.img").toString();
        try (Connection c = core.open(uris().get(0), 0)) {
            Domain v = c.createXml("<domain type='test'><name>remote3</name><memory>65536</memory>"
                    + "<vcpu>1</vcpu><os><type>hvm</type></os></domain>", 0);
            VirtException xml = assertThrows(VirtException.class, () -> v.saveFlags(image, "<domain/>", 0));
            assertEquals("argument unsupported: xml modification unsupported", xml.getMessage());
            v.save(image);
            assertEquals(ErrorCode.NO_DOMAIN, assertThrows(VirtException.class, () -> c.lookupByName("remote3")).code(),
                    "a saved transient guest is gone");
            String saved = c.saveImageXmlDesc(image, 0);
            assertTrue(saved.contains("<name>remote3</name>"), saved);
            c.saveImageDefineXml(image, saved.replace("<memory unit='KiB'>65536</memory>",
                    "<memory unit='KiB'>131072</memory>"), 0);
            c.restore(image);
            Domain back = c.lookupByName("remote3");
            assertEquals(DomainState.RUNNING, back.state().state());
            assertEquals(131072, back.info().maxMemKiB(), "the definition the image was given");
            VirtException again = assertThrows(VirtException.class, () -> c.restore(image));
            assertEquals("Requested operation is not valid: domain 'remote3' is already active", again.getMessage());
            back.destroy(0);
        } finally {
            Files.deleteIfExists(Path.of(image));
            Files.delete(dir);
        }
    }

    @Test
    void lifecycleAndEvents() throws Exception {
        String uri = uris().get(0);
        try (Connection c = core.open(uri, 0)) {
            List<DomainEvent> events = new CopyOnWriteArrayList<>();
            int id = c.addLifecycleListener((dom, ev) -> events.add(ev));
            Domain d = c.lookupByName("test");
            d.suspend();
            assertEquals(DomainState.PAUSED, d.state().state());
            d.resume();
            d.destroy(0);
            assertEquals(DomainState.SHUTOFF, d.state().state());
            assertEquals(-1, d.id());
            d.create(0);
            assertTrue(d.isActive());
            d.setAutostart(true);
            assertTrue(d.autostart());
            d.setAutostart(false);
            BitSet pin = new BitSet();
            pin.set(1);
            d.pinVcpu(0, pin, 0);
            assertEquals(pin, d.vcpuPinInfo(0).get(0));
            Domain v = c.defineXml("<domain type='test'><name>remote1</name><memory>65536</memory>"
                    + "<vcpu>1</vcpu><os><type>hvm</type></os></domain>", 0);
            assertEquals("remote1", v.name());
            assertFalse(v.isActive());
            v.undefine(0);
            assertEquals(ErrorCode.NO_DOMAIN, assertThrows(VirtException.class, () -> c.lookupByName("remote1")).code());
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (events.size() < 6 && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            List<DomainEventType> types = events.stream().map(DomainEvent::type).toList();
            assertEquals(List.of(DomainEventType.SUSPENDED, DomainEventType.RESUMED, DomainEventType.STOPPED,
                    DomainEventType.STARTED, DomainEventType.DEFINED, DomainEventType.UNDEFINED), types.subList(0, 6),
                    events.toString());
            c.removeLifecycleListener(id);
        }
    }

    @Test
    void tuningParametersOfTheTestDomain() throws Exception {
        int config = ModificationFlag.CONFIG.bit();
        for (String uri : uris()) {
            try (Connection c = core.open(uri, 0)) {
                Domain d = c.lookupByName("test");
                assertEquals(new SchedulerType("fair", 1), d.schedulerType());
                assertEquals(List.of(TypedParameter.ofUInt("weight", 50)), d.schedulerParameters(0));
                d.setSchedulerParameters(List.of(TypedParameter.ofUInt("weight", 70)), 0);
                VirtException unknown = assertThrows(VirtException.class,
                        () -> d.setSchedulerParameters(List.of(TypedParameter.ofUInt("nosuch", 1)), 0));
                assertEquals(ErrorCode.ARGUMENT_UNSUPPORTED, unknown.code());
                assertTrue(unknown.getMessage().contains("parameter 'nosuch' not supported"), unknown.getMessage());
                List<TypedParameter> mem = d.memoryParameters(0);
                assertEquals(List.of("hard_limit", "soft_limit", "swap_hard_limit"),
                        mem.stream().map(TypedParameter::field).toList());
                assertEquals(9007199254740991L, mem.get(0).longValue());
                List<TypedParameter> blkio = d.blkioParameters(config);
                assertEquals(6, blkio.size());
                assertEquals(TypedParameter.ofUInt("weight", 0), blkio.get(0));
                assertEquals(TypedParameter.ofString("device_weight", ""), blkio.get(1));
                // every CPU of the test host's topology (2 nodes x 2 sockets x 2 cores x 2 threads)
                assertEquals(16, d.emulatorPinInfo(0).cardinality());
            }
        }
    }

    /**
     * virsh domiftune's calls through the remote client: counted first (nparams 0), then read; changed.
     * The tap is not named vnetN: libvirt's parser drops such names as generated ones.
     */
    @Test
    void interfaceBandwidthIsReadAndChanged() throws Exception {
        int n = 0;
        for (String uri : uris()) {
            String name = "ift-remote-" + n++;
            try (Connection c = core.open(uri, 0)) {
                Domain d = c.createXml("<domain type='test'><name>" + name + "</name><memory>1024</memory>"
                        + "<os><type>hvm</type></os><devices><interface type='bridge'><mac address='52:54:00:aa:bb:01'/>"
                        + "<source bridge='br0'/><target dev='tap5'/></interface></devices></domain>", 0);
                try {
                    assertEquals(7, d.interfaceParameterCount("not-asked", 0));
                    assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L),
                            d.interfaceParameters("tap5", 0).stream().map(TypedParameter::longValue).toList());
                    d.setInterfaceParameters("tap5", List.of(TypedParameter.ofUInt(Domain.BANDWIDTH_IN_AVERAGE, 100),
                            TypedParameter.ofUInt(Domain.BANDWIDTH_OUT_AVERAGE, 20),
                            TypedParameter.ofUInt(Domain.BANDWIDTH_OUT_BURST, 5)), 0);
                    d.setInterfaceParameters("52:54:00:aa:bb:01",
                            List.of(TypedParameter.ofUInt(Domain.BANDWIDTH_IN_AVERAGE, 0)), 0);
                    List<TypedParameter> now = d.interfaceParameters("tap5", 0);
                    assertEquals(List.of(Domain.BANDWIDTH_IN_AVERAGE, Domain.BANDWIDTH_IN_PEAK, Domain.BANDWIDTH_IN_BURST,
                            Domain.BANDWIDTH_IN_FLOOR, Domain.BANDWIDTH_OUT_AVERAGE, Domain.BANDWIDTH_OUT_PEAK,
                            Domain.BANDWIDTH_OUT_BURST), now.stream().map(TypedParameter::field).toList());
                    assertEquals(List.of(0L, 0L, 0L, 0L, 20L, 0L, 5L),
                            now.stream().map(TypedParameter::longValue).toList(), "inbound cleared, outbound kept");
                    VirtException e = assertThrows(VirtException.class, () -> d.interfaceParameters("tap6", 0));
                    assertEquals(ErrorCode.INVALID_ARG, e.code());
                    assertTrue(e.getMessage().contains("'tap6' is not a known interface"), e.getMessage());
                    try (Connection ro = core.open(readOnlyUri(), OpenFlag.READ_ONLY.bit())) {
                        Domain r = ro.lookupByName(name);
                        assertEquals(20L, r.interfaceParameters("tap5", 0).get(4).longValue());
                        e = assertThrows(VirtException.class, () -> r.setInterfaceParameters("tap5",
                                List.of(TypedParameter.ofUInt(Domain.BANDWIDTH_IN_AVERAGE, 1)), 0));
                        assertEquals(ErrorCode.OPERATION_DENIED, e.code());
                    }
                } finally {
                    d.destroy(0);
                }
            }
        }
    }

    @Test
    void readOnlyConnectionsAreRefusedChanges() throws Exception {
        try (Connection c = core.open(readOnlyUri(), OpenFlag.READ_ONLY.bit())) {
            Domain d = c.lookupByName("test");
            VirtException e = assertThrows(VirtException.class, () -> d.destroy(0));
            assertEquals(ErrorCode.OPERATION_DENIED, e.code());
            assertEquals(DomainState.RUNNING, d.state().state());
        }
    }

    @Test
    void unreachableServersFailClearly() {
        VirtException e = assertThrows(VirtException.class,
                () -> core.open("test+unix:///default?socket=/nonexistent/jvirt-sock", 0));
        assertEquals(ErrorCode.SYSTEM_ERROR, e.code());
        assertTrue(e.getMessage().contains("/nonexistent/jvirt-sock"), e.getMessage());
    }
}

package org.jvirt.rpc.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.jvirt.api.DomainEvent;
import org.jvirt.api.spi.DomainEventSink;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.rpc.internal.wire.Message;
import org.jvirt.rpc.internal.wire.Programs;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.wire.WireDomain;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/**
 * The remote client decodes libvirtd's device events (remote_domain_event_callback_device_removed_msg,
 * remote_domain_event_callback_device_removal_failed_msg: callback ID, domain, alias) for its sink,
 * and leaves an undecodable one out without losing the next.
 */
class RemoteDeviceEventsTest {
    private static final UUID UUID_1 = UUID.fromString("6695eb01-f6a4-8304-79aa-97f2502e193f");

    @Test
    void deviceEventsReachTheSinkWithTheirAlias() {
        List<String> seen = new ArrayList<>();
        RemoteEvents events = new RemoteEvents(null, false);
        events.setEventSink(new DomainEventSink() {
            @Override
            public void accept(DomainEvent event) {
                seen.add("lifecycle " + event.name());
            }

            @Override
            public void deviceRemoved(DomainRef dom, String alias) {
                seen.add("removed " + dom.name() + " " + dom.uuid() + " " + dom.id() + " " + alias);
            }

            @Override
            public void deviceRemovalFailed(DomainRef dom, String alias) {
                seen.add("failed " + dom.name() + " " + alias);
            }
        });
        events.onMessage(message(RemoteProc.DOMAIN_EVENT_CALLBACK_DEVICE_REMOVED, payload("web1", 7, "scsi0-0-0-1")));
        events.onMessage(message(RemoteProc.DOMAIN_EVENT_CALLBACK_DEVICE_REMOVAL_FAILED,
                payload("web1", 7, "virtio-disk1")));
        // a message cut short after the domain: dropped
        XdrWriter cut = new XdrWriter().writeInt(3);
        new WireDomain("web1", UUID_1, 7).write(cut);
        events.onMessage(message(RemoteProc.DOMAIN_EVENT_CALLBACK_DEVICE_REMOVED, cut.toByteArray()));
        events.onMessage(message(RemoteProc.DOMAIN_EVENT_CALLBACK_DEVICE_REMOVED, payload("web2", 8, "usb-disk1")));
        assertEquals(List.of("removed web1 " + UUID_1 + " 7 scsi0-0-0-1", "failed web1 virtio-disk1",
                "removed web2 " + UUID_1 + " 8 usb-disk1"), seen);
    }

    private static byte[] payload(String name, int id, String alias) {
        XdrWriter w = new XdrWriter().writeInt(3);
        new WireDomain(name, UUID_1, id).write(w);
        w.writeString(alias);
        return w.toByteArray();
    }

    private static Message message(int proc, byte[] payload) {
        return new Message(Programs.REMOTE, 1, proc, 2, 0, 0, payload);
    }
}

#!/usr/bin/python3
"""python3-libvirt's reboot event (VIR_DOMAIN_EVENT_ID_REBOOT) from a daemon while a guest reboots.

usage: reboot_events.py URI GUEST COUNT TIMEOUT
Registers a reboot callback for every domain and one for GUEST only, and a lifecycle callback;
prints "reboot any|only NAME UUID ID" per reboot event and "lifecycle NAME EVENT DETAIL" per
lifecycle event, until both reboot callbacks saw COUNT events (exit 0) or TIMEOUT seconds passed
(exit 1). Deregisters the callbacks before it ends.
"""
import sys
import time

import libvirt

uri, guest, count, timeout = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
libvirt.virEventRegisterDefaultImpl()
conn = libvirt.open(uri)
dom = conn.lookupByName(guest)
seen = {"any": 0, "only": 0}


def reboot(kind):
    def cb(c, d, opaque):
        seen[kind] += 1
        print("reboot", kind, d.name(), d.UUIDString(), d.ID(), flush=True)
    return cb


ids = [conn.domainEventRegisterAny(None, libvirt.VIR_DOMAIN_EVENT_ID_REBOOT, reboot("any"), None),
       conn.domainEventRegisterAny(dom, libvirt.VIR_DOMAIN_EVENT_ID_REBOOT, reboot("only"), None),
       conn.domainEventRegisterAny(None, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                   lambda c, d, e, det, o: print("lifecycle", d.name(), e, det, flush=True), None)]
print("registered", flush=True)
end = time.time() + timeout
libvirt.virEventAddTimeout(200, lambda *a: None, None)  # wakes the loop to check the deadline
while min(seen.values()) < count and time.time() < end:
    libvirt.virEventRunDefaultImpl()
for i in ids:
    conn.domainEventDeregisterAny(i)
conn.close()
sys.exit(0 if min(seen.values()) >= count else 1)

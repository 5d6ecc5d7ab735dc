"""python3-libvirt's storage API against a daemon (jvirtd's storage driver).

Usage: storage.py STORAGE_URI STORAGE_RO_URI TEST_URI WORKDIR
Prints one line per check ("ok NAME" or "FAIL NAME: why") and "storage: N passed, M failed";
exits 1 when any check failed. Everything it creates is under WORKDIR.
"""
import os
import sys
import threading
import time

import libvirt

uri, ro_uri, test_uri, work = sys.argv[1:5]
results = []


def check(name, got, want):
    ok = got == want
    results.append(ok)
    print(("ok " if ok else "FAIL ") + name + ("" if ok else ": got %r, want %r" % (got, want)), flush=True)


def error_of(fn):
    try:
        fn()
    except libvirt.libvirtError as e:
        return (e.get_error_code(), e.get_error_domain(), e.get_error_message())
    return None


libvirt.registerErrorHandler(lambda ctx, err: None, None)
libvirt.virEventRegisterDefaultImpl()
stop = False


def loop():
    while not stop:
        libvirt.virEventRunDefaultImpl()


threading.Thread(target=loop, daemon=True).start()

c = libvirt.open(uri)
events = []
cb = c.storagePoolEventRegisterAny(None, libvirt.VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE,
                                   lambda conn, p, ev, detail, opaque: events.append((p.name(), ev)), None)
target = os.path.join(work, "pool")
UUID = "8a4e2e34-1c7e-4f0e-9c2a-3b5d6e7f8a9b"
pool = c.storagePoolDefineXML("<pool type='dir'><name>py</name><uuid>%s</uuid><target><path>%s</path></target></pool>"
                              % (UUID, target))
check("define", (pool.name(), pool.UUIDString(), pool.isActive(), pool.isPersistent()), ("py", UUID, 0, 1))
check("defined count", (c.numOfStoragePools(), c.numOfDefinedStoragePools(), c.listDefinedStoragePools()), (0, 1, ["py"]))
pool.build(0)
check("built", os.path.isdir(target), True)
pool.create(0)
info = pool.info()
check("info state", info[0], libvirt.VIR_STORAGE_POOL_RUNNING)
check("info sizes", info[1] > 0 and info[3] > 0 and info[2] <= info[1], True)
check("list active", [p.name() for p in c.listAllStoragePools(libvirt.VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE)], ["py"])
check("list dir type", [p.name() for p in c.listAllStoragePools(libvirt.VIR_CONNECT_LIST_STORAGE_POOLS_DIR)], ["py"])
check("lookup by uuid", c.storagePoolLookupByUUIDString(UUID).name(), "py")
check("lookup by target path", c.storagePoolLookupByTargetPath(target + "/").name(), "py")
pool.setAutostart(1)
check("autostart", pool.autostart(), 1)

vol = pool.createXML("<volume><name>disk.qcow2</name><capacity unit='MiB'>16</capacity>"
                     "<target><format type='qcow2'/></target></volume>", 0)
path = os.path.join(target, "disk.qcow2")
check("vol path and key", (vol.path(), vol.key(), vol.name()), (path, path, "disk.qcow2"))
vinfo = vol.info()
check("vol info", (vinfo[0], vinfo[1]), (libvirt.VIR_STORAGE_VOL_FILE, 16 * 1024 * 1024))
check("vol xml format", "<format type='qcow2'/>" in vol.XMLDesc(0), True)
check("qcow2 file", open(path, "rb").read(4), b"QFI\xfb")
raw = pool.createXML("<volume><name>raw.img</name><capacity>1048576</capacity></volume>", 0)
check("volumes", sorted(pool.listVolumes()), ["disk.qcow2", "raw.img"])
check("numOfVolumes", pool.numOfVolumes(), 2)
check("listAllVolumes", sorted(v.name() for v in pool.listAllVolumes(0)), ["disk.qcow2", "raw.img"])
check("lookup vol by path", c.storageVolLookupByPath(path).name(), "disk.qcow2")
check("lookup vol by key", c.storageVolLookupByKey(path).name(), "disk.qcow2")
check("pool of volume", vol.storagePoolLookupByVolume().name(), "py")
clone = pool.createXMLFrom("<volume><name>clone.img</name><target><format type='raw'/></target></volume>", vol, 0)
check("clone capacity", clone.info()[1], 16 * 1024 * 1024)
raw.resize(2 * 1048576, 0)
check("resize", raw.info()[1], 2 * 1048576)
check("shrink refused", error_of(lambda: raw.resize(1024, 0))[0], libvirt.VIR_ERR_INVALID_ARG)
raw.wipe(0)
check("wiped", open(os.path.join(target, "raw.img"), "rb").read(16), b"\0" * 16)
check("name with slash", error_of(lambda: pool.createXML(
    "<volume><name>a/b</name><capacity>1024</capacity></volume>", 0)),
      (libvirt.VIR_ERR_OPERATION_INVALID, libvirt.VIR_FROM_STORAGE,
       "Requested operation is not valid: volume name 'a/b' cannot contain '/'"))
check("capacity overflow", error_of(lambda: pool.createXML(
    "<volume><name>big</name><capacity unit='EiB'>9</capacity></volume>", 0)),
      (libvirt.VIR_ERR_OVERFLOW, libvirt.VIR_FROM_STORAGE, "numerical overflow: value too large: 9EiB"))
check("existing volume", error_of(lambda: pool.createXML(
    "<volume><name>raw.img</name><capacity>1024</capacity></volume>", 0))[0], libvirt.VIR_ERR_STORAGE_VOL_EXIST)

ro = libvirt.openReadOnly(ro_uri)
check("read-only lookup", ro.storagePoolLookupByName("py").numOfVolumes(), 3)
check("read-only delete refused", error_of(lambda: ro.storageVolLookupByPath(path).delete(0))[0],
      libvirt.VIR_ERR_OPERATION_DENIED)
ro.close()

for v in pool.listAllVolumes(0):
    v.delete(0)
check("volumes deleted", (pool.numOfVolumes(), os.listdir(target)), (0, []))
check("undefine running refused", error_of(pool.undefine),
      (libvirt.VIR_ERR_OPERATION_INVALID, libvirt.VIR_FROM_STORAGE,
       "Requested operation is not valid: storage pool 'py' is still active"))
pool.destroy()
pool.delete(0)
check("deleted", os.path.exists(target), False)
pool.undefine()
check("gone", error_of(lambda: c.storagePoolLookupByName("py")),
      (libvirt.VIR_ERR_NO_STORAGE_POOL, libvirt.VIR_FROM_STORAGE,
       "Storage pool not found: no storage pool with matching name 'py'"))

want = [("py", libvirt.VIR_STORAGE_POOL_EVENT_DEFINED), ("py", libvirt.VIR_STORAGE_POOL_EVENT_CREATED),
        ("py", libvirt.VIR_STORAGE_POOL_EVENT_STARTED), ("py", libvirt.VIR_STORAGE_POOL_EVENT_STOPPED),
        ("py", libvirt.VIR_STORAGE_POOL_EVENT_DELETED), ("py", libvirt.VIR_STORAGE_POOL_EVENT_UNDEFINED)]
deadline = time.time() + 5
while len(events) < len(want) and time.time() < deadline:
    time.sleep(0.05)
check("events", events, want)
c.storagePoolEventDeregisterAny(cb)
c.close()

t = libvirt.open(test_uri)
check("test driver has its own pools, not the host's", [p.name() for p in t.listAllStoragePools(0)], ["default-pool"])
t.close()
stop = True

failed = results.count(False)
print("storage: %d passed, %d failed" % (len(results) - failed, failed))
sys.exit(1 if failed else 0)

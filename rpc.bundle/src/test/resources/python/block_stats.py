# virDomainBlockStats(Flags) through python3-libvirt on a test driver: the made-up counters' relations
# (all derived from one time of day in microseconds, as libvirt's testDomainBlockStats) and the errors.
import sys
import time

import libvirt

libvirt.registerErrorHandler(lambda ctx, err: None, None)
conn = libvirt.open(sys.argv[1])
dom = conn.createXML(sys.argv[2], 0)


def err(name, call):
    try:
        print(name, 'ok', call())
    except libvirt.libvirtError as e:
        print(name, e.get_error_code(), e.get_error_domain(), e.get_error_message())


for disk in ['vda', 'vdb', sys.argv[3]]:
    t0 = time.time()
    s = dom.blockStats(disk)
    t1 = time.time()
    print(disk == sys.argv[3] and 'path' or disk, len(s), s[1] == s[0] // 2, s[2] == s[0] // 3,
          s[3] == s[0] // 4, s[4] == s[0] // 100000 // 2, t0 - 1 <= s[0] * 10 / 1e6 <= t1 + 1)
err('hdz', lambda: dom.blockStats('hdz'))
err('empty', lambda: dom.blockStats(''))
err('nopath', lambda: dom.blockStats('/nonexistent/disk.img'))
err('flags', lambda: dom.blockStatsFlags('vda', 0))
test = conn.lookupByName('test')
test.destroy()
err('inactive', lambda: test.blockStats('hda'))
err('inactive-empty', lambda: test.blockStats(''))
dom.destroy()
err('gone', lambda: dom.blockStats('vda'))
print('done')

"""python3-libvirt load: lookupByName + info() in a loop on N connections (one process each).

Usage: bench_python.py URI CONNECTIONS SECONDS -> prints "calls/s N" (2 RPCs per iteration).
"""
import multiprocessing
import sys
import time

import libvirt


def worker(uri, seconds, q):
    conn = libvirt.open(uri)
    for _ in range(200):   # warm up
        conn.lookupByName("test").info()
    n = 0
    end = time.time() + seconds
    while time.time() < end:
        conn.lookupByName("test").info()
        n += 1
    conn.close()
    q.put(n)


def main():
    uri, conns, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    q = multiprocessing.Queue()
    procs = [multiprocessing.Process(target=worker, args=(uri, seconds, q)) for _ in range(conns)]
    for p in procs:
        p.start()
    total = sum(q.get() for _ in procs)
    for p in procs:
        p.join()
    print("calls/s %.0f" % (2 * total / seconds))


if __name__ == "__main__":
    main()

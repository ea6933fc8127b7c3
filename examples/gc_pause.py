# How long does a full collection take? Run it under pyglass and CPython side by side:
#   target/release/pyglass examples/gc_pause.py
#   python3 examples/gc_pause.py
# Automatic collections are off, so only the timed gc.collect() calls run. Times are
# the minimum of five runs (the machine's noise only ever adds time).
import gc
import sys
import time

n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
gc.disable()
gc.collect()


def best_of(runs, prepare):
    best = None
    found = None
    for _ in range(runs):
        prepare()
        t0 = time.perf_counter()
        found = gc.collect()
        t = time.perf_counter() - t0
        best = t if best is None or t < best else best
    return best, found


# 1. n tracked objects, all reachable: the collector walks them and frees nothing.
live = [[i] for i in range(n)]
t, found = best_of(5, lambda: None)
print(f"full collection over {len(live) + 1:,} reachable tracked objects: {t * 1000:.1f} ms, {found} unreachable")
live = None
gc.collect()


# 2. n garbage instances in two-object cycles: found, then freed by the collector.
class Node:
    pass


def make_garbage():
    for _ in range(n // 2):
        a = Node()
        b = Node()
        a.other = b
        b.other = a


t, found = best_of(5, make_garbage)
print(f"full collection of {found:,} garbage instances in 2-cycles: {t * 1000:.1f} ms")

# gcstress: skip (prints gc.collect() results, which change when collections run at every safe point)
# The second pass over the garbage after finalizers: partial resurrection keeps exactly
# what the resurrected objects reach, the survivors behave as ordinary objects in later
# collections, and objects made by finalizers are collected by a later collection.
import gc
import weakref

gc.collect()
log = []
saved = []

class Node:
    def __init__(self, name):
        self.name = name
        self.next = None
    def __del__(self):
        log.append(self.name)
        if self.name == "a0":
            saved.append(self.next)  # resurrects the rest of the ring through a1

# A ring of five nodes plus a hanging list of plain lists.
ring = [Node("a%d" % i) for i in range(5)]
for i in range(5):
    ring[i].next = ring[(i + 1) % 5]
ring[2].extra = [[j] for j in range(10)]
ring[2].extra.append(ring[2].extra)
del ring
print("first", gc.collect(), sorted(log), len(saved))
log.clear()
s = saved[0]
print("resurrected", s.name, s.next.name, gc.is_tracked(s), gc.is_finalized(s))
print("referrers", sorted(type(r).__name__ for r in gc.get_referrers(s) if r is not saved))
print("again", gc.collect(), log)
saved.clear()
del s
print("freed", gc.collect(), sorted(log))
log.clear()

# Finalizers that make new garbage cycles while the collector runs.
class Maker:
    def __del__(self):
        x = []
        x.append(x)
        y = {}
        y["y"] = y
        log.append("maker")

for k in range(3):
    m = Maker()
    m.me = m
del m
print("makers", gc.collect(), log)
log.clear()
print("their garbage", gc.collect())

# Weakref callbacks on collected cycles that keep what they are given.
kept = []
class Target:
    pass

def cb(ref):
    kept.append(ref)

targets = [Target() for _ in range(4)]
refs = []
for t in targets:
    t.self_ = t
    refs.append(weakref.ref(t, cb))
del targets, t
print("targets", gc.collect(), len(kept), all(r() is None for r in refs))
kept.clear()
print("done", gc.collect(), gc.collect())

# gcstress: skip (prints gc.collect() results, which change when collections run at every safe point)
# __del__ in cycles runs once (PEP 442), resurrection keeps objects alive,
# and the cycle is freed when it becomes garbage again.
import gc

gc.collect()
log = []

class D:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        log.append(self.name)

a = D("a")
b = D("b")
a.other = b
b.other = a
del a, b
print(gc.collect(), sorted(log))
log.clear()

saved = []

class Phoenix:
    def __init__(self):
        self.me = self
    def __del__(self):
        log.append("phoenix")
        saved.append(self)

Phoenix()
print(gc.collect(), log, len(saved), gc.is_finalized(saved[0]))
log.clear()
saved.clear()
print(gc.collect(), log)

class Once:
    count = 0
    def __del__(self):
        Once.count += 1
        keep.append(self)

keep = []
o = Once()
o.me = o
del o
gc.collect()
keep.clear()
gc.collect()
print("finalized", Once.count, "time(s)")

class Loud:
    def __del__(self):
        print("del", self.tag)

x = Loud()
x.tag = "x"
x.me = x
y = Loud()
y.tag = "y"
del x
print("before collect")
gc.collect()
print("after collect")
del y
print("end")

# gcstress: skip (checks when automatic collections happen)
# Allocation counts drive automatic collections: generation 0 is collected when its
# count passes the threshold, older generations when enough younger collections ran.
import gc

gc.collect()
print(gc.get_count())
gc.disable()
keep = [[] for _ in range(100)]
print("counted", gc.get_count()[0] >= 100)
del keep
gc.enable()

runs = []
def cb(phase, info):
    if phase == "stop":
        runs.append(info["generation"])

gc.set_threshold(50, 3, 3)
gc.callbacks.append(cb)
keep = []
for i in range(2000):
    keep.append([i])
gc.callbacks.remove(cb)
gc.set_threshold(2000, 10, 10)
print("gen0 collections", runs.count(0) >= 20)
print("gen1 collections", runs.count(1) >= 5)
print("gen2 collections", runs.count(2) >= 1)
print("no more than needed", len(runs) <= 2000 // 50 + 1)

# Disabled: no automatic collection at all.
gc.disable()
runs.clear()
gc.callbacks.append(cb)
junk = [[i] for i in range(5000)]
gc.callbacks.remove(cb)
print("while disabled", runs)
gc.enable()

# Threshold 0 also disables automatic collection.
gc.set_threshold(0)
gc.callbacks.append(cb)
junk = [[i] for i in range(5000)]
gc.callbacks.remove(cb)
print("threshold 0", runs)
gc.set_threshold(2000, 10, 10)

# A cycle made while disabled is found by an explicit collection.
gc.disable()
c = []
c.append(c)
del c
print(gc.collect())
gc.enable()
print(gc.isenabled(), gc.get_threshold())

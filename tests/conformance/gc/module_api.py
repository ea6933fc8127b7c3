# gcstress: skip (prints the thresholds and gc.collect() results)
# The gc module's interface: switches, thresholds, debug flags, tracking, referents,
# freeze, callbacks and gc.garbage.
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
print(gc.get_threshold())
gc.set_threshold(700, 5, 3)
print(gc.get_threshold())
gc.set_threshold(2000)
print(gc.get_threshold())
gc.set_threshold(2000, 10, 10)
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
print(gc.get_debug())
print(type(gc.garbage), type(gc.callbacks), gc.garbage)
print(len(gc.get_stats()), sorted(gc.get_stats()[0]))
gc.collect()
print(gc.get_count())

class A:
    pass

print("tracked:", gc.is_tracked([]), gc.is_tracked({}), gc.is_tracked({"a": 1}),
      gc.is_tracked({"a": []}), gc.is_tracked(()), gc.is_tracked(A()), gc.is_tracked(A),
      gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked(None), gc.is_tracked(object()),
      gc.is_tracked(len), gc.is_tracked(lambda: 0), gc.is_tracked(set()), gc.is_tracked(1.5))
t = (1, 2)
u = (1, [])
v = tuple([1, 2, 3])
print("tuples:", gc.is_tracked(t), gc.is_tracked(u), gc.is_tracked(v))
gc.collect()
print("after collect:", gc.is_tracked(t), gc.is_tracked(u), gc.is_tracked(v))
d = {}
print(gc.is_tracked(d))
d[1] = 2
print(gc.is_tracked(d))
d[2] = [d]
print(gc.is_tracked(d))

print(gc.get_referents([1, "a", None]))
print(gc.get_referents((1, 2), 5))
print(gc.get_referents({"k": 3, 4: 5}))
x = [1]
y = [x]
z = {"x": x}
refs = gc.get_referrers(x)
print(any(r is y for r in refs), any(r is z for r in refs))
objs = gc.get_objects()
print(any(o is y for o in objs), any(o is t for o in objs))
print(any(o is y for o in gc.get_objects(generation=2)))

l = []
l.append(l)
del l
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.collect(), len(gc.garbage), gc.garbage[0][0] is gc.garbage[0])
gc.set_debug(0)
gc.garbage.clear()
gc.collect()

calls = []
def cb(phase, info):
    calls.append((phase, info["generation"], info["collected"], info["uncollectable"]))
gc.callbacks.append(cb)
m = []
m.append(m)
del m
print(gc.collect(), calls)
calls.clear()
gc.collect(0)
print(calls)
gc.callbacks.remove(cb)

gc.freeze()
print(gc.get_freeze_count() > 0)
gc.unfreeze()
print(gc.get_freeze_count())

for bad in (3, -1):
    try:
        gc.collect(bad)
    except ValueError as e:
        print("ValueError:", e)
print(len(gc.get_objects(-1)) > 0)
for bad in (3, -2):
    try:
        gc.get_objects(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    gc.collect("x")
except TypeError as e:
    print("TypeError:", e)
for f, args in [(gc.is_tracked, ()), (gc.enable, (1,)), (gc.set_debug, ()), (gc.get_count, (1,)),
                (gc.set_threshold, ()), (gc.set_threshold, (1, 2, 3, 4)), (gc.collect, (1, 2))]:
    try:
        f(*args)
    except TypeError as e:
        print("TypeError:", e)

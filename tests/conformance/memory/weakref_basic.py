# Weak references: death clears them at once and runs callbacks (newest first).
import weakref

class Node:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return f"Node({self.name!r})"

a = Node("a")
r1 = weakref.ref(a)
r2 = weakref.ref(a)
print(r1 is r2, r1() is a, weakref.getweakrefcount(a))
log = []
r3 = weakref.ref(a, lambda r: log.append(("cb3", r() is None)))
r4 = weakref.ref(a, lambda r: log.append(("cb4", r is r4)))
print(r3 is r1, weakref.getweakrefcount(a), len(weakref.getweakrefs(a)))
print(r1 == r3, hash(r1) == hash(a))
del a
print(r1(), r3(), log)

try:
    weakref.ref([1, 2])
except TypeError as e:
    print("TypeError:", e)
for obj in [{}, (1,), 42, "s"]:
    try:
        weakref.ref(obj)
    except TypeError as e:
        print("TypeError:", e)
print(weakref.ref(len) is not None or True)

def f():
    pass
print(weakref.ref(f)() is f, weakref.ref(Node)() is Node, weakref.ref({1})() == {1} or True)

cache = weakref.WeakValueDictionary()
x, y = Node("x"), Node("y")
cache["x"] = x
cache["y"] = y
print(sorted(cache.keys()), len(cache), "x" in cache)
del x
print(sorted(cache.keys()), len(cache), "x" in cache, cache.get("x", "gone"))

owners = weakref.WeakKeyDictionary()
k1, k2 = Node("k1"), Node("k2")
owners[k1] = 1
owners[k2] = 2
print(len(owners), owners[k1])
del k1
print(len(owners), [n.name for n in owners.keys()])

ws = weakref.WeakSet()
s1, s2 = Node("s1"), Node("s2")
ws.add(s1)
ws.add(s2)
print(len(ws), s1 in ws)
del s2
print(len(ws), sorted(n.name for n in ws))

events = []
z = Node("z")
fin = weakref.finalize(z, events.append, "finalized z")
print(fin.alive, events)
del z
print(fin.alive, events)

p_target = Node("p")
p = weakref.proxy(p_target)
print(p.name, len([p.name]))
del p_target
try:
    p.name
except ReferenceError as e:
    print("ReferenceError:", e)

class Slotted:
    __slots__ = ("v",)
class SlottedWeak:
    __slots__ = ("v", "__weakref__")
try:
    weakref.ref(Slotted())
except TypeError as e:
    print("TypeError:", e)
sw = SlottedWeak()
print(weakref.ref(sw)() is sw)

# Weak references to collected cycles are cleared and their callbacks run; a weakref
# that is itself part of the garbage never calls back.
import gc
import weakref

gc.collect()

class Node:
    pass

n = Node()
n.me = n
events = []
w = weakref.ref(n, lambda r: events.append(("callback", r() is None)))
del n
print(w() is not None, gc.collect(), events, w())

m = Node()
m.me = m
m.ref = weakref.ref(m, lambda r: events.append("never"))
del m
events.clear()
print(gc.collect(), events)

a = Node()
b = Node()
a.b = b
b.a = a
wa = weakref.ref(a)
wb = weakref.ref(b)
del a, b
print(wa() is None, wb() is None)
gc.collect()
print(wa() is None, wb() is None)

d = weakref.WeakValueDictionary()
k = Node()
k.me = k
d["k"] = k
del k
print(len(d))
gc.collect()
print(len(d))

class F:
    pass

f = F()
f.me = f
fin = weakref.finalize(f, print, "finalize ran")
del f
gc.collect()
print(fin.alive)

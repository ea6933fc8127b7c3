# gcstress: skip (prints gc.collect() results, which change when collections run at every safe point)
# Python code run by the collector itself (weakref callbacks, finalizers) in the
# collection that runs it: garbage with neither (nothing can be resurrected, all is
# freed), a callback that gives the garbage's class a __del__ (which then runs), and a
# callback on an object inside a cycle (it cannot reach the garbage: its weakrefs are
# already cleared).
import gc
import weakref

gc.collect()
log = []

class Plain:
    pass

# Neither finalizers nor callbacks: every object found is freed.
for i in range(5):
    a = Plain(); b = Plain(); a.b = b; b.a = a
    a.payload = [a, {"b": b}]
del a, b
print("plain", gc.collect(), gc.collect())

# A callback adds __del__ to the class of the garbage before finalizers are considered.
class Late:
    pass

def add_del(ref):
    log.append("callback")
    Late.__del__ = lambda self: log.append("late del")

x = Late(); x.me = x
anchor = Plain()
anchor.ref = weakref.ref(x, add_del)
del x
print("late", gc.collect(), log)
log.clear()
print("late again", gc.collect(), log)
del Late.__del__

# A callback on an object that a cycle refers to.
saved = []
class Holder:
    pass

def resurrect(ref):
    log.append("resurrect")
    saved.extend(o for o in [inner_ref()] if o is not None)

h = Holder(); h.me = h
h.inner = Plain(); h.inner.back = h
anchor.ref2 = weakref.ref(h.inner, resurrect)
inner_ref = weakref.ref(h)
del h
print("holder", gc.collect(), log, inner_ref() is None)
log.clear()
print("end", gc.collect(), len(saved))

# gc.collect() from a finalizer while a collection runs starts no collection: it returns 0.
nested = []
class Nested:
    def __del__(self):
        nested.append(gc.collect())
        nested.append(gc.isenabled())

n = Nested(); n.me = n
del n
print("nested", gc.collect(), nested)

# Instances of dict and tuple subclasses are tracked from birth and stay tracked: they
# refer to their class. Exact dicts and tuples of atomic items are untracked.
import gc

class D(dict):
    pass

class T(tuple):
    pass

class L(list):
    pass

d, t, l = D(), T((1, 2)), L()
e, u = {}, (1, 2)
print(gc.is_tracked(d), gc.is_tracked(D(a=1)), gc.is_tracked(t), gc.is_tracked(l))
print(gc.is_tracked(e), gc.is_tracked({"a": 1}), gc.is_tracked({"a": []}))
gc.collect()
print(gc.is_tracked(d), gc.is_tracked(t), gc.is_tracked(e), gc.is_tracked(u))

# A class whose only link back is through its instance's type is collected.
class Holder(dict):
    def method(self):
        return Holder
h = Holder()
h["self"] = h
del h
print(gc.collect() > 0)

# Rich comparisons with reflection, __eq__/__hash__ rules, total ordering by hand.
class V:
    def __init__(self, v): self.v = v
    def __repr__(self): return f"V({self.v})"
    def __eq__(self, o):
        print("eq", self.v, o)
        return isinstance(o, V) and self.v == o.v
    def __lt__(self, o):
        print("lt", self.v, o)
        if not isinstance(o, V): return NotImplemented
        return self.v < o.v
    def __gt__(self, o):
        print("gt", self.v, o)
        if not isinstance(o, V): return NotImplemented
        return self.v > o.v

print(V(1) == V(1), V(1) != V(2), V(1) < V(2), V(1) > V(2))
print(V(1) == 1, 1 == V(1))
print(V(3) < V(4) < V(5))
print(sorted([V(3), V(1), V(2)]))
print(max([V(3), V(1)]), min(V(3), V(1)))
try:
    V(1) <= V(2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    V(1) < 1
except TypeError as e:
    print(type(e).__name__, e)
print(V(1) in [V(0), V(1)])
print([V(1)].index(V(1)), [V(1), V(1)].count(V(1)))

# reflected: derived class gets priority
class Base:
    def __lt__(self, o): return "Base.lt"
    def __gt__(self, o): return "Base.gt"
    def __eq__(self, o): return "Base.eq"
class Sub(Base):
    def __lt__(self, o): return "Sub.lt"
    def __gt__(self, o): return "Sub.gt"
    def __eq__(self, o): return "Sub.eq"
print(Base() < Sub(), Sub() < Base(), Base() == Sub(), Base() > Sub())
class Sub2(Base): pass
print(Base() < Sub2())

# __ne__ defaults to not __eq__
class OnlyEq:
    def __eq__(self, o): return True
print(OnlyEq() != OnlyEq(), OnlyEq() == 5)
class EqNI:
    def __eq__(self, o): return NotImplemented
e = EqNI()
print(e == e, e == EqNI(), e != e, e != EqNI())

# comparing unrelated objects
o1, o2 = object(), object()
for f in (lambda: o1 < o2, lambda: o1 <= o2, lambda: o1 > o2, lambda: o1 >= o2):
    try:
        f()
    except TypeError as ex:
        print(type(ex).__name__, ex)
one, st, no, dc = 1, "a", None, {}
for f in (lambda: one < st, lambda: [1] < (1,), lambda: no < no, lambda: dc < dc, lambda: [1] < [1, 'a'],
          lambda: [1, 2] < [1, 'a'], lambda: (1, 'a') < (1, 2), lambda: {1} < [1]):
    try:
        print(f())
    except TypeError as ex:
        print(type(ex).__name__, ex)

# hashing rules
class EqNoHash:
    def __eq__(self, o): return True
print(EqNoHash.__hash__)
try:
    hash(EqNoHash())
except TypeError as ex:
    print(type(ex).__name__, ex)
try:
    {EqNoHash()}
except TypeError as ex:
    print(type(ex).__name__, ex)
try:
    {EqNoHash(): 1}
except TypeError as ex:
    print(type(ex).__name__, ex)
class EqAndHash:
    def __init__(self, k): self.k = k
    def __eq__(self, o): return isinstance(o, EqAndHash) and self.k == o.k
    def __hash__(self): return hash(self.k)
print(len({EqAndHash(1), EqAndHash(1), EqAndHash(2)}), hash(EqAndHash(5)) == hash(5))
class InheritsHash(EqAndHash): pass
print(hash(InheritsHash(3)) == hash(3))
class OverridesEq(EqAndHash):
    def __eq__(self, o): return False
try:
    hash(OverridesEq(1))
except TypeError as ex:
    print(type(ex).__name__, ex)
class ExplicitNone:
    __hash__ = None
try:
    hash(ExplicitNone())
except TypeError as ex:
    print(type(ex).__name__, ex)
class BadHash:
    def __hash__(self): return "x"
try:
    hash(BadHash())
except TypeError as ex:
    print(type(ex).__name__, ex)
class BigHash:
    def __hash__(self): return 2**100
print(hash(BigHash()) == hash(2**100))
class BoolHash:
    def __hash__(self): return True
print(hash(BoolHash()))
class PlainObj: pass
po = PlainObj()
print(hash(po) == hash(po), po == po, po != PlainObj())
for v in ([], {}, set(), bytearray()):
    try:
        hash(v)
    except TypeError as ex:
        print(type(ex).__name__, ex)
print(hash((1, 2)) == hash((1, 2)), hash(frozenset([1])) == hash(frozenset([1])))
try:
    hash((1, [2]))
except TypeError as ex:
    print(type(ex).__name__, ex)

# is / is not and identity-based equality for containers
nan = float("nan")
print(nan == nan, [nan] == [nan], nan in [nan], (nan,) == (nan,), {nan: 1}[nan])
# chained comparison evaluates once
def f(x):
    print("eval", x)
    return x
print(f(1) < f(2) < f(3), f(3) < f(2) < f(1))

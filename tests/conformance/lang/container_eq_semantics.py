# How containers use __eq__ and __hash__: identity shortcut, subclasses of int/str with
# custom __eq__, NaN, hash collisions, mutation of keys.
nan = float("nan")
print([nan] == [nan], (nan,) == (nan,), {nan} == {nan}, {nan: 1} == {nan: 1}, nan in [nan], [nan].count(nan), [nan].index(nan))
print(float("nan") in [float("nan")], {float("nan"), float("nan")}.__len__())
class NeverEqual(int):
    def __eq__(self, other): return False
    __hash__ = int.__hash__
a = NeverEqual(1)
print(a == a, [a] == [a], a in [a], a in {a}, len({a, NeverEqual(1)}), {a: 1}.get(NeverEqual(1)), {a: 1}.get(a))
class AlwaysEqual(str):
    def __eq__(self, other): return True
    __hash__ = str.__hash__
print(AlwaysEqual("x") in {"y": 1}, AlwaysEqual("y") in {"y": 1}, {"y": 1}.get(AlwaysEqual("y")))
class Collide:
    def __init__(self, v): self.v = v
    def __hash__(self): return 42
    def __eq__(self, o):
        print("eq", self.v, o.v)
        return self.v == o.v
    def __repr__(self): return f"C{self.v}"
d = {}
for i in range(3):
    d[Collide(i)] = i
print(d[Collide(2)])
s = set([Collide(1), Collide(2), Collide(1)])
print(len(s))
class Mutable:
    def __init__(self, v): self.v = v
    def __hash__(self): return hash(self.v)
    def __eq__(self, o): return self.v == o.v
m = Mutable(1)
dd = {m: "found"}
m.v = 2
print(dd.get(Mutable(1)), dd.get(Mutable(2)), dd.get(m), m in dd)
print(1 == 1.0, {1: "int"}[1.0], {1.0: "float"}[True], [1, 2] == [1.0, 2.0], (0, -0.0) == (0.0, 0))
print("abc" == "abc", b"abc" == "abc", b"abc" == bytearray(b"abc"), [1] == (1,), {1: 2}.keys() == {1}, {1: 2}.items() == {(1, 2)})
x = []
print(x == x, x is x, [x] == [x], [[]] == [[]], ((),) == ((),))

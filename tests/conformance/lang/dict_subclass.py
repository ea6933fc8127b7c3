# dict and list subclasses: __missing__, overridden methods, what the built-ins call.
class Tracking(dict):
    def __setitem__(self, k, v):
        print("setitem", k, v)
        super().__setitem__(k, v)
    def __getitem__(self, k):
        print("getitem", k)
        return super().__getitem__(k)
t = Tracking(a=1)
t["b"] = 2
t.update(c=3)
t.setdefault("d", 4)
print(t["a"], t.get("b"), sorted(t.items()), dict(t) == {"a": 1, "b": 2, "c": 3, "d": 4})
print(isinstance(t, dict), type(t).__name__, repr(t), len(t), "a" in t, list(t))

class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter()
for ch in "hello":
    c[ch] += 1
print(sorted(c.items()), c["zz"], "zz" in c, c.get("zz"))

class DefaultList(dict):
    def __missing__(self, key):
        self[key] = v = []
        return v
dl = DefaultList()
dl["x"].append(1)
dl["x"].append(2)
dl["y"].append(3)
print(dl)

class Stack(list):
    def push(self, v):
        self.append(v)
    def peek(self):
        return self[-1]
st = Stack([1, 2])
st.push(3)
print(st, st.peek(), len(st), st + [4], type(st + [4]).__name__, st[1:], type(st[1:]).__name__, st == [1, 2, 3], sorted(st, reverse=True))
st.sort(reverse=True)
print(st, isinstance(st, list), repr(Stack()))

class Upper(list):
    def __iter__(self):
        return (str(x).upper() for x in super().__iter__())
u = Upper(["a", "b"])
print(list(u), [x for x in u], len(u), u[0], "".join(u))

class Frozen(tuple):
    def __new__(cls, *items):
        return super().__new__(cls, items)
    def total(self):
        return sum(self)
fr = Frozen(1, 2, 3)
print(fr, fr.total(), fr[1], len(fr), fr + (4,), type(fr + (4,)).__name__, isinstance(fr, tuple), hash(fr) == hash((1, 2, 3)))

class NamedPoint(tuple):
    __slots__ = ()
    def __new__(cls, x, y):
        return tuple.__new__(cls, (x, y))
    x = property(lambda self: self[0])
    y = property(lambda self: self[1])
    def __repr__(self):
        return f"NamedPoint(x={self.x}, y={self.y})"
np_ = NamedPoint(3, 4)
print(np_, np_.x, np_.y, np_ == (3, 4), list(np_))
a, b = np_
print(a, b)

class OrderedSet(set):
    def add_all(self, *xs):
        for x in xs:
            self.add(x)
os_ = OrderedSet([3, 1])
os_.add_all(2, 5)
print(sorted(os_), type(os_ | {9}).__name__, len(os_), 5 in os_)

# Special methods: repr/str, comparisons, arithmetic, containers, truthiness, calls.
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return "Vec(" + repr(self.x) + ", " + repr(self.y) + ")"
    def __str__(self):
        return "<" + str(self.x) + ", " + str(self.y) + ">"
    def __eq__(self, other):
        return isinstance(other, Vec) and self.x == other.x and self.y == other.y
    def __hash__(self):
        return hash((self.x, self.y))
    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)
    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __abs__(self):
        return self.x * self.x + self.y * self.y
    def __lt__(self, other):
        return abs(self) < abs(other)
    def __bool__(self):
        return self.x != 0 or self.y != 0

v, w = Vec(1, 2), Vec(3, 4)
print(v, repr(v), [v, w])
print(v + w, w - v, v * 3, 2 * v, -v, abs(w))
print(v == Vec(1, 2), v != w, v < w, w > v, v == 5)
print(bool(Vec(0, 0)), bool(v), hash(v) == hash(Vec(1, 2)))
print(sorted([w, v, Vec(0, 1)]))

class Bag:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __setitem__(self, i, v):
        self.items[i] = v
    def __delitem__(self, i):
        del self.items[i]
    def __contains__(self, x):
        return x in self.items
    def __iter__(self):
        return iter(self.items)
    def __call__(self, n):
        return self.items[:n]

b = Bag("a", "b", "c")
print(len(b), b[0], b[-1], "b" in b, "z" in b, b(2))
b[1] = "B"
del b[0]
print(list(b), bool(Bag()), bool(b))
for item in b:
    print("item", item)

class Temperature:
    def __init__(self, c):
        self.c = c
    def __eq__(self, other):
        return self.c == other.c
    def __le__(self, other):
        return self.c <= other.c
print(Temperature(5) <= Temperature(6), Temperature(5) >= Temperature(4))
print(Temperature(1) == Temperature(1), Temperature(1) != Temperature(1))

# The exact sequence of __lt__ calls made by sorted()/list.sort() (CPython's timsort:
# run detection, binary insertion, galloping merges), min/max and bisect-like use.
calls = []
class K:
    def __init__(self, v): self.v = v
    def __lt__(self, other):
        calls.append((self.v, other.v))
        return self.v < other.v
    def __repr__(self): return f"K{self.v}"

def show(vals, **kw):
    calls.clear()
    r = sorted([K(v) for v in vals], **kw)
    print([k.v for k in r], len(calls), calls[:12])

show([3, 1, 2])
show([1, 2, 3, 4])
show([4, 3, 2, 1])
show([2, 2, 1, 1, 3, 3])
show([5, 1, 4, 2, 3], reverse=True)
seed = 12345
def rnd():
    global seed
    seed = (seed * 1103515245 + 12345) % 2**31
    return seed % 1000
big = [rnd() for _ in range(300)]
calls.clear()
r = sorted(K(v) for v in big)
print([k.v for k in r] == sorted(big), len(calls), calls[:5], calls[-5:])
runs = list(range(100)) + list(range(50)) + list(range(200, 150, -1))
calls.clear()
r = sorted(K(v) for v in runs)
print([k.v for k in r] == sorted(runs), len(calls))

calls.clear()
print(min(K(3), K(1), K(2)), calls)
calls.clear()
print(max([K(3), K(1), K(2)]), calls)

eq_calls = []
class E:
    def __init__(self, v): self.v = v
    def __eq__(self, other):
        eq_calls.append(self.v)
        return isinstance(other, E) and self.v == other.v
items = [E(1), E(2), E(3)]
print(items.index(E(2)), eq_calls)
eq_calls.clear()
print(items.count(E(3)), eq_calls)
eq_calls.clear()
print(E(3) in items, eq_calls)

class Unorderable:
    pass
try:
    sorted([Unorderable(), Unorderable()])
except TypeError as e:
    print(type(e).__name__, e)
class BadLt:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        if self.v == 2 or o.v == 2:
            raise ValueError("cannot compare 2")
        return self.v < o.v
lst = [BadLt(3), BadLt(1), BadLt(2)]
try:
    lst.sort()
except ValueError as e:
    print(type(e).__name__, e, sorted(x.v for x in lst))
def bad_key(x):
    if x == 3:
        raise KeyError("no key for 3")
    return x
try:
    sorted([1, 2, 3], key=bad_key)
except KeyError as e:
    print(type(e).__name__, e)

# collections: defaultdict, Counter, OrderedDict, ChainMap.
from collections import defaultdict, Counter, OrderedDict, ChainMap

d = defaultdict(list)
d["a"].append(1)
d["b"]
print(d, d["a"], len(d), "c" in d, d.default_factory)
print(defaultdict(int, {"x": 1}), defaultdict(), defaultdict(None, a=1), defaultdict(int, [("k", 2)], z=3))
counts = defaultdict(int)
for w in "the cat and the hat and the bat".split():
    counts[w] += 1
print(counts, dict(counts))
dd = defaultdict(lambda: 5)
print(dd["q"], repr(dd).startswith("defaultdict(<function <lambda>"))
print(d.copy(), type(d.copy()).__name__, d | {"z": 0}, isinstance(d, dict))
try:
    defaultdict(1)
except TypeError as e:
    print(e)
try:
    defaultdict()["k"]
except KeyError as e:
    print("KeyError", e)
nested = defaultdict(lambda: defaultdict(int))
nested["x"]["y"] += 2
print(nested["x"], dict(nested["x"]))

c = Counter("abracadabra")
print(c, c.most_common(2), c.most_common(), c["z"], sorted(c.elements())[:5], c.total())
c2 = Counter(a=1, b=-2)
print(c + c2, c - c2, c | c2, c & c2, +c2, -c2)
c.update("aaz")
c.subtract({"b": 1})
print(c)
c.subtract("zz")
print(c, +c)
print(Counter(), Counter({"x": 3}) == Counter(x=3, y=0), Counter("ab") < Counter("abc"), Counter("ab") <= Counter("ab"))
del c["nothere"]
print(list(c.keys()))
c3 = Counter([1, 1, 2])
c3 += Counter([2, 3])
print(c3)
c3 -= Counter([1, 1, 1])
print(c3)
words = "to be or not to be that is the question".split()
print(Counter(words).most_common(3), Counter(len(w) for w in words))
try:
    Counter.fromkeys("ab")
except NotImplementedError as e:
    print(e)
print(Counter({"a": 2, "b": 2, "c": 5}).most_common(), isinstance(c, dict), Counter(a=3).copy())

o = OrderedDict(a=1, b=2, c=3)
o.move_to_end("a")
print(o)
o.move_to_end("c", last=False)
print(o, list(o), list(reversed(o)))
print(o.popitem(), o.popitem(last=False), o, OrderedDict(), repr(OrderedDict([(1, 2)])))
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == dict(b=2, a=1), OrderedDict(a=1) != OrderedDict(a=1))
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError", e)
try:
    OrderedDict().move_to_end("x")
except KeyError as e:
    print("KeyError", e)
print(OrderedDict.fromkeys("abc", 0), OrderedDict(x=1) | {"y": 2}, o.setdefault("q", 7), o)

cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm), sorted(cm), cm, "b" in cm, cm.get("z", 0))
cm["c"] = 4
child = cm.new_child({"a": 0})
print(cm.maps[0], child["a"], child.parents["a"], dict(child))

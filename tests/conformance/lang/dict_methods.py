# dict: views and their set operations, get/setdefault/pop/popitem/update, |, |=.
d = {"a": 1, "b": 2, "c": 3}
print(d.keys(), d.values(), d.items(), len(d.keys()), "a" in d.keys(), ("a", 1) in d.items(), 1 in d.values())
k = d.keys()
d["d"] = 4
print(k, list(reversed(k)), list(reversed(d.items())), list(reversed(d.values())))
print(d.keys() & {"a", "z"}, sorted(d.keys() | {"z"}), sorted(d.keys() - {"a"}), sorted(d.keys() ^ {"a", "q"}))
print(d.items() & {("a", 1), ("b", 9)}, d.keys() == {"a", "b", "c", "d"}, d.keys() <= {"a", "b", "c", "d", "e"}, d.keys().isdisjoint({"x"}))
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("a", 9), d.setdefault("e"), d)
print(d.pop("e"), d.pop("zz", "dflt"), d.popitem(), d)
try:
    d.pop("zz")
except KeyError as e:
    print(type(e).__name__, e)
try:
    {}.popitem()
except KeyError as e:
    print(type(e).__name__, e)
d.update({"x": 1}, y=2)
d.update([("z", 3)])
d.update(w=0)
print(d)
print({"a": 1} | {"b": 2}, {"a": 1} | {"a": 2})
e = {"k": 1}
e |= {"k": 2, "m": 3}
e |= [("n", 4)]
print(e)
try:
    {} | [("a", 1)]
except TypeError as ex:
    print(type(ex).__name__, ex)
print(dict(a=1, b=2), dict([("x", 1), ["y", 2]]), dict({"p": 1}, q=2), dict.fromkeys("ab"), dict.fromkeys([1, 2], 0), dict(zip("ab", range(2))))
for bad in ([1, 2], [("a", 1, 2)], 5):
    try:
        dict(bad)
    except (TypeError, ValueError) as ex:
        print(type(ex).__name__, ex)
try:
    {}["missing"]
except KeyError as ex:
    print(type(ex).__name__, ex)
try:
    {}[(1, 2)]
except KeyError as ex:
    print(type(ex).__name__, ex)
f = {1: "int", 1.0: "float", True: "bool"}
print(f, {0: "a", False: "b", 0.0: "c"})
g = {"b": 1, "a": 2}
g["b"] = 3
del g["b"]
g["b"] = 4
print(g, list(g), g == {"a": 2, "b": 4}, {1: 2} == {1: 2.0}, {"a": [1]} != {"a": [2]})
it = iter(g)
g2 = dict(g)
try:
    for key in g2:
        g2["new"] = 1
except RuntimeError as ex:
    print(type(ex).__name__, ex)
print(g.copy(), g.copy() is g, {}.copy(), sorted({3: 1, 1: 2}.items()))
g.clear()
print(g, len(g), bool(g), bool({0: 0}))
nested = {"x": {"y": {"z": 1}}}
print(nested["x"]["y"]["z"], repr({"q": "v", 1: None, (1, 2): [3]}), str({}))
r = {}
r["self"] = r
print(r)
print({k: v for k, v in zip("abc", range(3)) if v}, {**{"a": 1}, "b": 2, **{"a": 3}})
print(list(d.items())[0], type(d.items()).__name__, type(d.keys()).__name__, type(iter(d)).__name__, type(iter(d.items())).__name__)
print(d.keys() == d.keys(), d.values() == d.values(), d.items() == d.items(), d.items() == set(d.items()))
print(len({}.fromkeys(range(5))), dict.fromkeys("aa"), "a" in {"a": 1}, 1 in {1: 0}.values())
dv = {"a": 1}
print(sorted(dv.keys() | ["b"]), dv.items() | {("c", 3)} == {("a", 1), ("c", 3)}, dv.keys() - ["a"])
try:
    {[]: 1}
except TypeError as ex:
    print(type(ex).__name__, ex)
try:
    {}.get([])
except TypeError as ex:
    print(type(ex).__name__, ex)
try:
    [] in {}
except TypeError as ex:
    print(type(ex).__name__, ex)
class Key:
    def __init__(self, k): self.k = k
    def __hash__(self): return hash(self.k)
    def __eq__(self, o): return isinstance(o, Key) and o.k == self.k
    def __repr__(self): return f"Key({self.k})"
kd = {Key(1): "one"}
print(kd[Key(1)], Key(2) in kd, kd)

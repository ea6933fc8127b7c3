# Dicts: insertion order, lookup, update, removal, views, iteration.
d = {"one": 1, "two": 2}
d["three"] = 3
d["one"] = 100
print(d, len(d), d["two"], "two" in d, 2 in d, "four" not in d)
print(d.get("two"), d.get("four"), d.get("four", 4))
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.setdefault("two", 0), d.setdefault("five", 5), d)
print(d.pop("five"), d.pop("missing", "default"), d)
d.update({"two": 22, "six": 6})
d.update(seven=7)
print(d)
del d["one"]
print(d)
print(d.popitem(), d)
for key in d:
    print("key", key, d[key])
for key, value in d.items():
    print(key, "=>", value)
e = d.copy()
e["x"] = 0
print(d == e, len(d), len(e))
print({1: "a", 2: "b"} == {2: "b", 1: "a"}, {} == dict())
mixed = {1: "int", 1.5: "float", "s": "str", (1, 2): "tuple", None: "none", True: "bool"}
print(mixed, mixed[1], mixed[(1, 2)])
counts = {}
for word in "the cat and the hat and the bat".split():
    counts[word] = counts.get(word, 0) + 1
print(counts)
d.clear()
print(d, len(d))
print(dict.fromkeys("ab", 0), dict.fromkeys([1, 2]))
k = {"a": 1}
keys = k.keys()
k["b"] = 2
print(keys, len(keys), "b" in keys)
print({"a": 1} | {"b": 2}, {**{"x": 1}, "y": 2})
try:
    d["nope"]
except KeyError as err:
    print("KeyError:", err)

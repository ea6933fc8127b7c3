# Exact dicts with str keys take a shortcut (no __hash__/__eq__ can run while every key is
# an exact str). These are the cases where it must not be taken, or must agree with the
# general path.
calls = []


class S(str):
    def __hash__(self):
        calls.append(("hash", str(self)))
        return str.__hash__(self)

    def __eq__(self, other):
        calls.append(("eq", str(self), str(other)))
        return str.__eq__(self, other)


class Any:
    # Equal to everything, with a str's hash: a general table must ask it.
    def __init__(self, s):
        self.s = s

    def __hash__(self):
        return hash(self.s)

    def __eq__(self, other):
        calls.append(("any-eq", self.s))
        return True


# A str-subclass key makes the table general: later exact-str lookups compare with it.
d = {}
d[S("a")] = 1
print(d["a"], calls)
calls.clear()
d["a"] = 2
print(d, calls)
calls.clear()

# A non-str key with a str's hash and an __eq__ that says yes.
d = {"x": 1}
d[Any("y")] = 2
print(len(d), calls)
calls.clear()
print(d["y"], calls)
calls.clear()
d["y"] = 3
print(len(d), list(d.values()), calls)
calls.clear()

# Empty and emptied dicts, holes, and mixing in int keys afterwards.
d = {}
d["k"] = 1
del d["k"]
d["k"] = 2
d[1] = "one"
d["j"] = 3
print(d, d["k"], d[1], d["j"])
try:
    d["missing"]
except KeyError as e:
    print("KeyError", repr(e))

# KeyError from an exact dict with str keys only.
d = {"a": 1, "b": 2}
try:
    d["c"]
except KeyError as e:
    print("KeyError", e.args)
d["a"] += 10
print(d)


# Subclasses keep their own behaviour.
class M(dict):
    def __missing__(self, key):
        return "missing:" + key

    def __setitem__(self, key, value):
        calls.append(("set", key))
        dict.__setitem__(self, key, value.upper())


m = M()
m["a"] = "x"
print(m["a"], m["b"], calls)
calls.clear()

# Equal strs that are different objects find each other.
k1 = "".join(["ab", "cd"])
k2 = "abc" + "d"
d = {k1: 1}
d[k2] = 2
print(len(d), d[k1], k1 is k2)

# LOAD_METHOD sites that see instances of built-in types remember where the method
# is; these cases must still find the right method (or the instance's own attribute).


def calls(objs):
    out = []
    for o in objs:
        out.append(o.copy())          # one site, several built-in types
    return out


print(calls([[1, 2], {"a": 1}, {3}, bytearray(b"xy"), [4]]))


class L(list):
    pass


def append_all(seqs, v):
    for s in seqs:
        s.append(v)                   # list, then a subclass, then list again


shadow = L([0])
shadow.append = lambda v: print("instance attribute wins:", v)
plain = [0]
sub = L([0])
append_all([plain, shadow, sub, plain], 7)
print(plain, list(shadow), sub)

# A method found in a base class's dict (bool uses int's bit_length).
def bits(xs):
    return [x.bit_length() for x in xs]


print(bits([5, True, 255, False, 1 << 40]))


# Functions and modules have their own attributes: never remembered.
def f():
    pass


def g():
    pass


f.__repr__ = lambda: "f's own __repr__"
for fn in (g, f, g):
    r = fn.__repr__()
    print(r if "own" in r else "generic repr")

import sys
for m in (sys, sys):
    print(m.getrecursionlimit() > 0)

# Strings, tuples, dicts: the same name on different types at one site.
def counts(objs, x):
    return [o.count(x) for o in objs]


print(counts(["abcab", ("a", "b", "a"), ["a"], "a"], "a"))
d = {"k": 1}
for i in range(3):
    print(d.get("k"), d.get("z", i))

# Unbound use through the type still works, as does a wrong receiver.
print(list.copy([1, 2]))
try:
    list.append((), 1)
except TypeError as e:
    print("TypeError:", e)

# Built-in types stay immutable.
try:
    list.append = None
except TypeError as e:
    print("TypeError:", e)
l = []
for i in range(3):
    l.append(i)
print(l)

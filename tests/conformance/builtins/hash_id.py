# hash() and id(): equal numbers hash equal; unhashable types raise TypeError.
print(hash(1), hash(0), hash(-1), hash(-2), hash(True), hash(False))
print(hash(1.0) == hash(1), hash(2.5) == hash(2.5), hash(0.0) == hash(-0.0))
print(hash(10 ** 30) == hash(10 ** 30), hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)))
print(hash(1.5), hash(0.5), hash(float("inf")), hash(-float("inf")))
print(hash("abc") == hash("a" + "bc"), hash((1, 2)) == hash((1, 2)), hash(()) == hash(()))
print(hash(None) == hash(None), hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
for v in [[1], {"a": 1}, {1}]:
    try:
        hash(v)
    except TypeError as e:
        print("TypeError:", e)
x = [1]
y = x
print(id(x) == id(y), type(id(x)).__name__)
print(id(None) == id(None), id(x) > 0)

# Calls of built-in classes that go straight to their constructor (range, int, str,
# tuple, float): results, errors, and a subclass that still runs its own __init__.
print(range(5), range(1, 10, 2), list(range(3)))
print(int("12"), int("ff", 16), int(3.7), int(), int("7", base=8))
print(str(12), str(b"ab", "ascii"), str(), repr(str(object=5)))
print(tuple([1, 2]), tuple(), tuple("ab"))
print(float("1.5"), float(2), float())
for bad in [lambda: range(), lambda: range(1, 2, 0), lambda: int("x"), lambda: float("y"),
            lambda: tuple(1), lambda: int(1, 2, 3), lambda: range(1.5), lambda: str(1, 2, 3, 4),
            lambda: range(stop=3)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)


class I(int):
    def __init__(self, v):
        print("init", v)


class R:
    # A class attribute named like a built-in does not change the built-in.
    range = int


print(I(4), type(I(5)).__name__, R.range("3"))

# `x in range(...)`: exact ints and bools by arithmetic, int subclasses element by element
# (their __eq__ runs, as in CPython).
class I(int):
    def __eq__(self, other):
        print("eq", int(self), other)
        return int(self) == other
    __hash__ = int.__hash__
r = range(0, 10, 3)
print(3 in r, 4 in r, True in range(2), False in range(1, 3), I(6) in r, I(7) in r)
print(10**30 in range(10**31), -1 in range(5), 3.0 in r)

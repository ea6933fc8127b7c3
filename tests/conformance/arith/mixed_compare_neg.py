# Comparisons between ints and floats (exact, not through conversion), and negation.
import operator

inf, nan = float("inf"), float("nan")
ints = [0, 1, -1, 2 ** 53, 2 ** 53 + 1, -(2 ** 53) - 1, 2 ** 63 - 1, -(2 ** 63), 2 ** 64, -(2 ** 100), True, False]
floats = [0.0, -0.0, 1.0, -1.0, 0.5, 9007199254740992.0, 9007199254740994.0, -9007199254740992.0,
          9.223372036854776e18, -9.223372036854776e18, 1.8446744073709552e19, inf, -inf, nan, 1e300]
ops = [operator.lt, operator.le, operator.eq, operator.ne, operator.gt, operator.ge]

def row(a, b):
    return "".join("1" if op(a, b) else "0" for op in ops)

for a in ints:
    print(repr(a), " ".join(row(a, b) + "/" + row(b, a) for b in floats))
for a in floats:
    print(repr(a), " ".join(row(a, b) for b in floats))
for a in ints:
    print(repr(a), " ".join(row(a, b) for b in ints))

class F(float):
    def __lt__(self, o):
        return "F.lt"
class I(int):
    def __gt__(self, o):
        return "I.gt"
print(F(1.0) < 2, 2 > F(1.0), I(1) > 0.5, I(2) > 1.5)

for v in [0, 1, -1, 2 ** 63 - 1, -(2 ** 63), 2 ** 63, 0.0, -0.0, 1.5, inf, -inf, nan, True, False]:
    print(repr(v), repr(-v), type(-v).__name__)
x = 5
print(-x, -(-x), -(x * 1.5))

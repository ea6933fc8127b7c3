# math functions take real numbers (PyFloat_AsDouble), not strings like float() does.
import math

class WithFloat:
    def __float__(self):
        return 2.25

class WithIndex:
    def __index__(self):
        return 9

class BadFloat:
    def __float__(self):
        return "x"

def attempt(f):
    try:
        return repr(f())
    except Exception as e:
        return type(e).__name__ + ": " + str(e)

for arg in [4, 4.0, True, 2 ** 80, 10 ** 400, WithFloat(), WithIndex(), "4", b"4", None, BadFloat(), -1.0, float("nan"), float("inf")]:
    print(type(arg).__name__,
          attempt(lambda: math.sqrt(arg)),
          attempt(lambda: math.exp(arg)),
          attempt(lambda: math.fabs(arg)),
          attempt(lambda: math.atan2(arg, 1)),
          attempt(lambda: math.isclose(arg, 4)),
          attempt(lambda: math.floor(arg)),
          attempt(lambda: math.fsum([arg, 1])))

# fsum's special values and intermediate overflow
inf, nan = float("inf"), float("nan")
for xs in [[inf, 1], [1, -inf, 2], [inf, inf], [inf, -inf], [nan, 1], [nan, inf], [1e308, 1e308], [1e308, 1e308, -1e308],
           [0.0, -0.0], [-0.0, -0.0], [], [0.1] * 10, [1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]]:
    print(xs, attempt(lambda: math.fsum(xs)))

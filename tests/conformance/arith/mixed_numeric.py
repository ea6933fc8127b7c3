# Mixed int/float arithmetic, int true division, and float/int object churn (free lists).
import math

big = 2 ** 70
vals_i = [0, 1, -1, 7, -7, 3, 2 ** 53, 2 ** 53 + 1, -(2 ** 53) - 1, 2 ** 62, -(2 ** 63), 2 ** 63 - 1, big, -big]
vals_f = [0.0, -0.0, 1.5, -2.25, 1e308, -1e308, 5e-324, float("inf"), float("-inf"), float("nan"), 0.1, 3.0]

def show(x):
    if isinstance(x, float):
        return repr(x)
    return repr(x)

def attempt(f):
    try:
        return show(f())
    except Exception as e:
        return type(e).__name__ + ": " + str(e)

for a in vals_f:
    for b in vals_i:
        print(show(a), show(b),
              attempt(lambda: a + b), attempt(lambda: b + a),
              attempt(lambda: a - b), attempt(lambda: b - a),
              attempt(lambda: a * b), attempt(lambda: b * a),
              attempt(lambda: a / b), attempt(lambda: b / a))

for a in vals_i:
    for b in vals_i:
        print(show(a), show(b), attempt(lambda: a / b))

# in-place forms
x = 1.5
x += 2
x -= 7
x *= -3
x /= 4
print(x)
n = 10
n /= 4
print(n)
n = -6
n /= 3
print(n, 0 / -5, -0 / 5, 0.0 / -5, -0.0 * 3)

# bool operands are ints
print(True / 2, 1.5 + True, False * 2.5, 3.0 - True)

# subclasses still get their dunders
class F(float):
    def __add__(self, o):
        return "F.add"
    def __radd__(self, o):
        return "F.radd"
    def __truediv__(self, o):
        return "F.truediv"
class I(int):
    def __rtruediv__(self, o):
        return "I.rtruediv"
    def __truediv__(self, o):
        return "I.truediv"
print(F(1.0) + 2, 2 + F(1.0), 1.5 + F(2.0), F(3.0) / 2, 1.0 / I(2), 3 / I(2), I(3) / 2)

# ids of dead floats and ints are reused; values are never mixed up
acc = 0.0
for i in range(1000):
    acc += (i * 0.5) / (i + 1)
    acc -= i / 3
print(round(acc, 6))
xs = [float(i) / 7 for i in range(300)]
ys = [i * 1000 + 12345 for i in range(300)]
del xs[::2]
del ys[::3]
zs = [x * 2 for x in xs] + [x + 0.5 for x in xs]
ws = [y * 3 for y in ys]
print(sum(zs), len(zs), sum(ws), len(ws), zs[7], ws[9])
print(math.fsum(z / 3 for z in zs))

# The binary operator protocol: forward, reflected, in-place, NotImplemented fallbacks.
class Num:
    def __init__(self, v): self.v = v
    def __repr__(self): return f"Num({self.v})"
    def _op(fn):
        def f(self, other):
            o = other.v if isinstance(other, Num) else other
            if not isinstance(o, (int, float)):
                return NotImplemented
            return Num(fn(self.v, o))
        return f
    def _rop(fn):
        def f(self, other):
            if not isinstance(other, (int, float)):
                return NotImplemented
            return Num(fn(other, self.v))
        return f
    __add__ = _op(lambda x, y: x + y); __radd__ = _rop(lambda x, y: x + y)
    __sub__ = _op(lambda x, y: x - y); __rsub__ = _rop(lambda x, y: x - y)
    __mul__ = _op(lambda x, y: x * y); __rmul__ = _rop(lambda x, y: x * y)
    __truediv__ = _op(lambda x, y: x / y); __rtruediv__ = _rop(lambda x, y: x / y)
    __floordiv__ = _op(lambda x, y: x // y); __rfloordiv__ = _rop(lambda x, y: x // y)
    __mod__ = _op(lambda x, y: x % y); __rmod__ = _rop(lambda x, y: x % y)
    __pow__ = _op(lambda x, y: x ** y); __rpow__ = _rop(lambda x, y: x ** y)
    __lshift__ = _op(lambda x, y: x << y); __rlshift__ = _rop(lambda x, y: x << y)
    __rshift__ = _op(lambda x, y: x >> y); __rrshift__ = _rop(lambda x, y: x >> y)
    __and__ = _op(lambda x, y: x & y); __rand__ = _rop(lambda x, y: x & y)
    __or__ = _op(lambda x, y: x | y); __ror__ = _rop(lambda x, y: x | y)
    __xor__ = _op(lambda x, y: x ^ y); __rxor__ = _rop(lambda x, y: x ^ y)
    def __matmul__(self, o): return ("matmul", self.v, o)
    def __rmatmul__(self, o): return ("rmatmul", o, self.v)
    def __divmod__(self, o): return ("divmod", self.v, o)
    def __rdivmod__(self, o): return ("rdivmod", o, self.v)

a, b = Num(7), Num(2)
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b, a << b, a >> b, a & b, a | b, a ^ b)
print(1 + a, 10 - a, 3 * a, 14 / a, 15 // a, 15 % a, 2 ** a, 1 << a, 256 >> a, 3 & a, 8 | a, 1 ^ a)
print(a @ 1, 1 @ a, divmod(a, 3), divmod(3, a))
for f in (lambda: a + 'x', lambda: 'x' + a, lambda: a @ a):
    try:
        print(f())
    except TypeError as e:
        print(type(e).__name__, e)

class Plain: pass
binops = [lambda x: x + 1, lambda x: x - 1, lambda x: x * 1, lambda x: x / 1,
          lambda x: x // 1, lambda x: x % 1, lambda x: x ** 1, lambda x: x << 1,
          lambda x: x >> 1, lambda x: x & 1, lambda x: x | 1, lambda x: x ^ 1, lambda x: x @ 1]
for f in binops:
    try:
        f(Plain())
    except TypeError as e:
        print(type(e).__name__, e)
def iops(x, i):
    if i == 0: x += 1
    elif i == 1: x -= 1
    elif i == 2: x *= 1
    elif i == 3: x /= 1
    elif i == 4: x //= 1
    elif i == 5: x %= 1
    elif i == 6: x **= 1
    elif i == 7: x <<= 1
    elif i == 8: x >>= 1
    elif i == 9: x &= 1
    elif i == 10: x |= 1
    elif i == 11: x ^= 1
    elif i == 12: x @= 1
for i in range(13):
    try:
        iops(Plain(), i)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    pow(Plain(), 2, 3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    divmod(Plain(), 2)
except TypeError as e:
    print(type(e).__name__, e)

# in-place operators
class Acc:
    def __init__(self): self.items = []
    def __iadd__(self, other):
        self.items.append(other)
        return self
    def __add__(self, other):
        return "plain add"
    def __isub__(self, other):
        return NotImplemented
    def __sub__(self, other):
        return "fallback sub"
    def __imul__(self, other):
        return "imul result"
acc = Acc()
same = acc
acc += 1
acc += 2
print(acc is same, acc.items)
acc -= 1
print(acc)
acc2 = Acc()
acc2 *= 3
print(acc2)
x = Num(1)
x += 5
print(x)
x **= 2
print(x)
x //= 4
print(x)

# subclass reflected operand priority
class Base:
    def __add__(self, o): return "Base.add"
    def __radd__(self, o): return "Base.radd"
class Derived(Base):
    def __add__(self, o): return "Derived.add"
    def __radd__(self, o): return "Derived.radd"
print(Base() + Derived(), Derived() + Base(), Base() + Base())
class Derived2(Base): pass
print(Base() + Derived2())  # not overridden: no priority
class IntSub(int):
    def __radd__(self, o): return "IntSub.radd"
    def __add__(self, o): return "IntSub.add"
print(1 + IntSub(2), IntSub(2) + 1, 1.5 + IntSub(1))

# NotImplemented from both sides
class NI:
    def __add__(self, o): return NotImplemented
    def __radd__(self, o): return NotImplemented
try:
    NI() + NI()
except TypeError as e:
    print(type(e).__name__, e)

# three-argument pow
class P3:
    def __pow__(self, e, m=None): return ("pow", e, m)
    def __rpow__(self, b, m=None): return ("rpow", b, m)
print(pow(P3(), 2), pow(P3(), 2, 5), P3() ** 3, 2 ** P3())

# unary operators
class U:
    def __neg__(self): return "neg"
    def __pos__(self): return "pos"
    def __invert__(self): return "inv"
    def __abs__(self): return "abs"
u = U()
print(-u, +u, ~u, abs(u))
for f in (lambda: -Plain(), lambda: +Plain(), lambda: ~Plain(), lambda: abs(Plain())):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
for f in (lambda: -"s", lambda: ~1.5, lambda: abs("x"), lambda: +[]):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
print(-True, +False, ~True, abs(-3), abs(-2.5), abs(True))

# sequence operators on builtins
print([1] * 3, 2 * (1, 2), "ab" * 2, [1] + [2], (1,) + (2,), "a" + "b")
one, ls, tp, st, dc, fl, no = 1, [1], (1,), "a", {}, 1.5, None
for f in (lambda: ls + tp, lambda: st + one, lambda: ls * st, lambda: st * fl, lambda: tp + ls,
          lambda: one + st, lambda: dc + dc, lambda: no + one, lambda: ls - ls):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
l = [1]
l += (2, 3)
l += "ab"
print(l)
t = (1,)
try:
    t += [2]
except TypeError as e:
    print(type(e).__name__, e)
l *= 2
print(l)

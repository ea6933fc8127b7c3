# int(), float(), round(), math-like dunders on user classes: __int__, __float__, __index__,
# __round__, __trunc__, __abs__, __bool__ and numeric subclasses of int/float.
class Meters:
    def __init__(self, v): self.v = v
    def __int__(self): return int(self.v)
    def __float__(self): return float(self.v)
    def __index__(self): return int(self.v) * 10
    def __round__(self, n=None): return ("round", n)
    def __abs__(self): return Meters(abs(self.v))
    def __repr__(self): return f"Meters({self.v})"
m = Meters(-3.7)
print(int(m), float(m), round(m), round(m, 2), abs(m), bin(m), hex(m), oct(m), [0] * 3 if False else list(range(m)) == [] )
print("abc"[Meters(0.1)], [10, 20, 30][Meters(0.15)])
class OnlyIndex:
    def __index__(self): return 7
print(int(OnlyIndex()), float(OnlyIndex()) if False else "", range(OnlyIndex())[-1], (1).__add__(OnlyIndex()) if False else "", bin(OnlyIndex()))
class BadInt:
    def __int__(self): return "x"
class BadFloat:
    def __float__(self): return 1
class BadIndex:
    def __index__(self): return 1.5
for f in (lambda: int(BadInt()), lambda: float(BadFloat()), lambda: [1][BadIndex()], lambda: int(object()), lambda: float(object()), lambda: round(object())):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)

class MyInt(int):
    def __repr__(self): return f"MyInt({int(self)})"
a = MyInt(5)
print(a, a + 1, type(a + 1).__name__, type(-a).__name__, type(abs(a)).__name__, a * 2, a == 5, hash(a) == hash(5), isinstance(a, int), str(a), f"{a:>4}|", int(a), type(int(a)).__name__)
print(MyInt("12"), MyInt("ff", 16), MyInt(3.9), MyInt(), sorted([MyInt(3), 1, MyInt(2)]))
class MyFloat(float):
    pass
f = MyFloat(2.5)
print(f, f + 1, type(f + 1).__name__, repr(f), round(f), f.is_integer(), MyFloat("1e3"), f == 2.5, f"{f:.3f}")
class MyBool:
    def __bool__(self): return False
print(bool(MyBool()), not MyBool(), [x for x in [MyBool(), 1] if x], MyBool() or "fallback", type(MyBool() and "never").__name__)
class MyStr(str):
    def shout(self): return self.upper() + "!"
s = MyStr("hi")
print(s.shout(), s + "x", type(s + "x").__name__, type(s.upper()).__name__, s == "hi", len(s), s[0], repr(s), f"{s}", str(s), type(str(s)).__name__)
print(int(True), float(False), int("  -17\n"), float("  2.5\t"), int(2.9e0), int(-0.5), round(0.5), round(-0.5), round(1.5), round(-1.5))
print(divmod(MyInt(7), 2), pow(MyInt(2), 3), MyInt(2) ** -1, 7 // MyInt(2), MyInt(10) % 3)
class Reversible:
    def __init__(self, v): self.v = v
    def __radd__(self, o): return f"radd {o}"
    def __rsub__(self, o): return f"rsub {o}"
    def __rmul__(self, o): return f"rmul {o}"
print(1 + Reversible(0), 2.5 - Reversible(0), [1] * Reversible(0), "s" * Reversible(0), sum([Reversible(0)], 5) if False else "")

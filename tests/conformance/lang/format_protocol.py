# format(), f-strings and str.format with user types, subclasses of built-ins and
# nested/dynamic specs; __format__ inheritance.
class Money:
    def __init__(self, cents): self.cents = cents
    def __format__(self, spec):
        if spec == "":
            return f"${self.cents / 100:.2f}"
        if spec == "c":
            return f"{self.cents}c"
        return format(self.cents / 100, spec)
    def __str__(self): return "Money"
m = Money(12345)
print(f"{m}", f"{m:c}", f"{m:>10.1f}|", "{:c}".format(m), format(m), str(m), "%s" % m)
class IntChild(int):
    pass
class FloatChild(float):
    pass
class StrChild(str):
    pass
print(format(IntChild(255), "#x"), f"{IntChild(7):03d}", format(FloatChild(1.5), ".3f"), f"{StrChild('ab'):*^6}", "{:,}".format(IntChild(10**6)))
class OverrideFormat(int):
    def __format__(self, spec):
        return "custom:" + spec
print(f"{OverrideFormat(5):x}", format(OverrideFormat(1)), "{0:q}".format(OverrideFormat(2)))
class NoFormat:
    def __str__(self): return "nf"
print(format(NoFormat()), f"{NoFormat()}", "{}".format(NoFormat()))
for spec in ("x", "5", "<3"):
    try:
        format(NoFormat(), spec)
    except TypeError as e:
        print(type(e).__name__, e)
width, prec, fill = 12, 3, "-"
print(f"{3.14159:{fill}^{width}.{prec}f}", "{:{}^{}.{}f}".format(2.71828, "+", 10, 2), f"{'x':{width}}|")
data = {"name": "Ann", "pos": (3, 4)}
print("{name} at {pos[0]},{pos[1]}".format(**data), "{0[name]}".format(data), "{d[pos]}".format(d=data))
class Obj:
    attr = "value"
    items = [10, 20]
print("{0.attr} {0.items[1]}".format(Obj()), "{o.attr!r:>9}".format(o=Obj()))
print(format(12345.678, ",.1f"), format(-0.0001, ".2%"), format(1e-10, ".3g"), format(123, "+08d"), format(-123, "=+8d"), format(42, " d"))
print(format(float("nan"), "08.2f"), format(float("inf"), "+.1f"), format(-float("inf"), "010f"), format(1.5, "%"), format(0, "e"))
print(format(True, "^7"), format(None, ""), format(False, "d"), f"{True!r:>6}", f"{None!s:5}|")
print(f"{1234567:_d} {0xdeadbeef:_x} {1234567.891:_.2f} {12:b} {-12:#b} {255:#o}")
print(f"{'tab':\t>6}|", f"{'nl'!r}", f"{3:{'>'}{4}}", f"{2**100:e}", f"{10**20:,}")

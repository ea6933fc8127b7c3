# Floats: repr, is_integer, round, inf/nan, conversions, arithmetic edge cases.
vals = [0.1, 0.2, 0.1 + 0.2, 1/3, 2/3, 1e16, 1e15, 123456789012345678.0, 1e-5, 1e-4, 0.0001234, 1.5e300, 5e-324, 2.0**0.5,
        100.0, 1e22, 1e23, -0.0, 3.0, 1.7976931348623157e308, 0.3, 9007199254740993.0, 4.35, 2.675, 1e100]
for v in vals:
    print(repr(v), str(v))
print(float("inf"), float("-inf"), float("nan"), float("Infinity"), float(" -iNF "), float("1e3"), float("1_000.5"), float(".5"), float("5."), float(" 3 "))
for bad in ("abc", "", "1e", "1_", "in f", "0x10"):
    try:
        float(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    float([1])
except TypeError as e:
    print(type(e).__name__, e)
inf, nan = float("inf"), float("nan")
print(inf + 1, inf - inf, inf * 0, -inf, inf > 1e308, nan == nan, nan != nan, nan < 1, inf == inf, 1 / inf, -1 / inf)
print((1.0).is_integer(), (1.5).is_integer(), inf.is_integer(), nan.is_integer(), (-0.0).is_integer(), (1e300).is_integer())
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5), round(2.675, 2), round(1.23456, 3), round(-1.5), round(1234.5678, -2), round(0.1, 30), round(1e300, -299))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, round(2.5, 0), round(-0.4), round(5.5, None))
for f in (lambda: round(inf), lambda: round(nan), lambda: int(inf), lambda: int(nan)):
    try:
        f()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(round(inf, 2), round(nan, 2))
print((0.5).as_integer_ratio(), (0.1).as_integer_ratio(), (-2.5).as_integer_ratio(), (3.0).hex(), (0.1).hex(), float.fromhex("0x1.8p1"), float.fromhex("-0x1p-2"))
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7.5 % -2, 1e308 * 10, -1e308 * 10, 2.0 ** 0.5, (-8.0) ** 2, 10.0 ** -2)
try:
    2.0 ** 10000
except OverflowError as e:
    print(type(e).__name__, e)
try:
    0.0 ** -1
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print(abs(-0.0), -(0.0), 0.0 == -0.0, float(True), float(2**53), int(1e15), 1e15 == 10**15, 0.1 * 3 == 0.3, 3 * 0.1)
print(float.__name__, (1.5).real, (1.5).imag, (1.5).conjugate(), hash(1.5) == hash(1.5), hash(2.0) == hash(2), hash(-1.0), hash(0.5), hash(1e100), hash(inf), hash(-inf))
print(1.0 + 2, 3 - 1.5, 2 * 0.5, 7 / 2, 8 / 4, type(8 / 4).__name__, 1 // 1.0, 2 ** 0.0, 4 ** 0.5, 10 % 3.5)
print(max(1, 2.0), min(1.0, 1), max(nan, 1), max(1, nan), sorted([3.5, 1, 2.25, -1e-9]))
print(f"{1e-7}", 1e-7, 1.0e-6, 123e4, 1.23e-4, 12345678901234567.0, 0.000001, 1.1e16)
print(float.__floor__(2.5) if hasattr(float, "__floor__") else "", int(-0.9), int(0.9))

# The shortest repr that round-trips, as CPython prints floats.
values = [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1.0, -0.0, 0.0, 100.0, 1e16, 1e15,
          123456789.0, 1e22, 1e-4, 1e-5, 0.0001234, 2.5e-10, 1.7976931348623157e308,
          2.2250738585072014e-308, 5e-324, 3.141592653589793, 2.718281828459045,
          1e100, 9007199254740993.0, 0.5, 1.5, 1234.5678, 1e21, 1e-7, 12345678901234567.0]
for v in values:
    print(repr(v), str(v))
print(float("inf"), float("-inf"), float("nan"), -float("inf"))
print(float("1e500"), float("-0"), float("  3.25  "), float("1_0.5"))
print(round(2.675, 2), round(0.5), round(1.5), round(2.5), round(-0.5), round(3.14159, 3))
print(round(1234.5678, -2), round(5), round(7.0), round(1e300))
print(0.1 * 3, 1.1 + 2.2, 3 * 1.1, 100 * 1.1)

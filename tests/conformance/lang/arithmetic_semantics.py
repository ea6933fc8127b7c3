# Mixed int/float/bool arithmetic, floor division and modulo signs, true division,
# comparison chains across types, large-number edge cases.
cases = [(7, 2), (-7, 2), (7, -2), (-7, -2), (7.5, 2), (-7.5, 2), (7, 0.5), (1, 3), (2**63, 3), (-2**63, 7)]
for a, b in cases:
    print(a, b, a // b, a % b, divmod(a, b), a / b)
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9, 1 / 3 * 3 == 1, 2 ** 0.5 * 2 ** 0.5)
print(True + True + True, True * 10, False - 1, True / 2, True // 2, -True, ~False, True ** 2, 5 * False)
print(1 < 2.5 < 3, 1 == 1.0 == True, 0 == False == 0.0, 2 ** 53 == 2 ** 53 + 1.0, 10 ** 16 + 1 == 1e16 + 1)
print(-5 ** 2, (-5) ** 2, 2 ** -2, 2 ** 3 ** 2, -2 ** 0.5 if False else 0, 10 ** -1, 0 ** 0, 0.0 ** 0)
print(7 % 3, -7 % 3, 7 % -3, -7 % -3, 7.0 % 3, -7.0 % 3, 5 % 2.5, -0.0 % 5, 1e300 % 7)
print(round(7 / 2), round(-7 / 2), int(7 / 2), int(-7 / 2), 7 // 2, -7 // 2, -(7 // 2))
print(1e308 * 10, -1e308 * 10, 1e-320, 5e-324 / 2, 1e308 + 1e308 - 1e308)
print(3 * 1.1, 1.1 + 2.2, 0.1 * 3, 1 - 0.9, 100 * 1.1, 1.15 * 100, 2.675 * 100)
print(int(1e17), int(1.5e17), int(-1e20), float(2 ** 60), float(2 ** 60 + 1), float(-(2 ** 70)))
print(10 / 4, 10 // 4, -10 // 4, 10.0 // 4, 9 / 3, type(9 / 3).__name__, type(9 // 3).__name__, type(9.0 // 3).__name__)
print(max(1, 1.0), max(1.0, 1), min(0, -0.0), min(-0.0, 0), sorted([1, 1.0, True]), sorted([True, 1.0, 1]))
print(hash(1) == hash(1.0) == hash(True), {1: "a", 1.0: "b", True: "c"}, len({0, 0.0, False, -0.0}))
x = 5
x += 2.5
print(x, type(x).__name__)
x //= 2
print(x)
x **= 2
print(x)
n = 10
n <<= 3
n |= 1
n ^= 0b1010
n &= 0xFF
n >>= 1
print(n)
print(0.1 + 0.7, 0.3 - 0.1, 1.0000000000000002, 0.9999999999999999, 123456789.123456789, 1.23456789e-5)

# Float arithmetic and mixing with ints.
for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (1, 0.3), (5.0, 0.5)]:
    print(a, b, "|", a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b))
print(2 ** 0.5, 4 ** 0.5, 2.0 ** 10, 10 ** -2, (-8) ** 2.0, 2 ** -1.0)
print(int(3.9), int(-3.9), int(0.9999), float(3), float("2.5"), float(-7))
print(1 / 2, 4 / 2, 7 / 7, 1 // 1.0, -1 // 2.0, 1 % -0.75)
print(3.0 == 3, 3.5 > 3, 0.1 + 0.2 == 0.3, abs(-2.5), -(-2.5))
print((1.5).is_integer(), (2.0).is_integer(), (0.25).as_integer_ratio())
print(1e308 * 10 - 1e308 * 10 != 1e308 * 10 - 1e308 * 10)
print(float("inf") > 1e308, float("-inf") < -1e308, 2 ** 1023 < float("inf"))
print(sum([0.1] * 10), max(1, 2.0), min(1.0, 1))

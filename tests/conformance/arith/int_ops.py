# Integer arithmetic, including floor division and modulo with negative operands.
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (6, 3)]:
    print(a, b, "|", a + b, a - b, a * b, a // b, a % b, a / b, divmod(a, b))
print(2 ** 10, 2 ** 0, (-2) ** 3, -2 ** 2, 2 ** -1, 0 ** 0)
print(pow(2, 10), pow(3, 4, 5), pow(-3, 3, 7), pow(7, -1, 5))
print(-(-3), +(-3), abs(-3), abs(3))
print(10 - 2 - 3, 2 ** 3 ** 2, 100 // 7 // 2, 1 + 2 * 3 - 4 / 2)
print((1 + 2) * 3, 7 // 2 * 2 + 7 % 2)

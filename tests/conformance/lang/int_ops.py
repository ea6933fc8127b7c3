# Arbitrary-precision ints: bitwise ops on negatives, shifts, pow with modulus, divmod, conversions.
big = 2**100 + 12345
print(big, -big, big * big, big // 7, big % 7, -big // 7, -big % 7, big // -7, big % -7)
print(2**64, 2**64 - 1, -(2**63), 10**30 // 10**15, 7 // 2, -7 // 2, 7 % -2, -7 % 2, 0 // 5)
print(-5 & 3, -5 | 3, -5 ^ 3, ~5, ~-1, -1 & 0xFF, -256 >> 4, -1 >> 100, 1 << 100, -3 << 2, big & -big, big | -1, big ^ -big)
print((-big) & 0xFFFF, (-big) >> 50, (-big) << 3, ~big, big >> 200, -big >> 200)
for f in (lambda: 1 << -1, lambda: 1 >> -1):
    try:
        f()
    except ValueError as e:
        print(type(e).__name__, e)
print(pow(2, 10), pow(2, 10, 1000), pow(3, 200, 10**9 + 7), pow(-2, 3, 5), pow(2, -1, 7), pow(38, -1, 97), pow(5, 0, 1), pow(big, big, 99991))
print(pow(2, -2), 2 ** -1, (-8) ** (1/3) if False else 0, 0 ** 0, (-2) ** 2, (-2) ** 3)
for f in (lambda: pow(2, -1, 4), lambda: pow(2, 3, 0), lambda: pow(2.0, 3, 5), lambda: 0 ** -1, lambda: pow(0, -1)):
    try:
        f()
    except (ValueError, TypeError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(-7, -2), divmod(big, 10**10), divmod(-big, 10**10), divmod(7.5, 2), divmod(-7.5, 2))
for f in (lambda: 1 // 0, lambda: 1 % 0, lambda: divmod(1, 0), lambda: 1 / 0, lambda: big // 0, lambda: 1.0 // 0, lambda: 1.0 % 0.0, lambda: divmod(1.0, 0)):
    try:
        f()
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
print(int("42"), int("-0x1f", 16), int("0b101", 0), int("0o17", 0), int("z", 36), int("  12  "), int("1_000"), int(3.99), int(-3.99), int(True), int("10", 2), int("0x10", 0))
print(int("123456789012345678901234567890"), int(1e20), int(2.5e18), int("-0"), int(b"12") if False else 0)
for args in (("12a",), ("",), ("1__0",), ("0x10",), ("9", 8), ("1", 1), ("1", 37), (1.5, 10), ("_1",), (float("inf"),), (float("nan"),), (None,), ("١٢",)):
    try:
        print(int(*args))
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
print(bin(10), bin(-10), oct(64), oct(-64), hex(255), hex(-255), hex(big), bin(0), hex(0))
print((255).bit_length(), (-255).bit_length(), (0).bit_length(), big.bit_length(), (255).bit_count(), (-7).bit_count())
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (-1).to_bytes(2, "big", signed=True), (255).to_bytes(1, byteorder="big"), (0).to_bytes(0, "big"))
print(int.from_bytes(b"\x04\x00", "big"), int.from_bytes(b"\x04\x00", "little"), int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes([1, 2], "big"), int.from_bytes(b"", "big"))
for f in (lambda: (256).to_bytes(1, "big"), lambda: (-1).to_bytes(1, "big"), lambda: (1).to_bytes(1, "middle")):
    try:
        f()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print((5).to_bytes(), big.to_bytes(16, "big").hex())
print((7).as_integer_ratio(), (5).numerator, (5).denominator, (5).real, (5).imag, (5).conjugate(), (5).is_integer())
print(abs(-big) == big, -(-big) == big, +big == big, big == float(big), 2**53 + 1 == float(2**53 + 1), 10**400 > 1e308)
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(5, 2), round(15, -1), round(25, -1), round(big, -30))
print(int.__name__, type(big).__name__, isinstance(big, int), 3 .__add__(4), (3).__radd__(4), (3).__sub__(1.0))
print(True + True, True * 3, -True, True / 2, True // 2, False ** 0, True << 3, True & False, True | False, True ^ True, type(True & True).__name__, type(True + 1).__name__)
print(max(2**70, 2**69), min(-2**70, 5), sorted([2**65, -2**65, 0, 2**64]), sum([2**64] * 4), 2**64 in {2**64: 1})
print(float(big), float(-big), big / 3, 10**30 / 10**10, (2**1023 * 2) // 3 > 0)
try:
    float(10**400)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    10**400 / 1
except OverflowError as e:
    print(type(e).__name__, e)
print(10**400 // 10**399, 1 / 10**400 if False else "", int("9" * 50) % 97)
print(3 < 3.5, 2**64 < 2.0**64 + 1e5, 1 == 1.0, -0 == 0.0, 2**1000 > float("inf"), 2**1000 < float("inf"), 5 > float("nan"))

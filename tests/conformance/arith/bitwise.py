# Bitwise operators on ints, including negative values (two's complement semantics).
for a, b in [(12, 10), (-12, 10), (12, -10), (-12, -10), (0, -1)]:
    print(a, b, "|", a & b, a | b, a ^ b, ~a, a << 3, a >> 2)
print(1 << 0, 1 << 31, 1 << 32, 1 << 63, 1 << 64)
print(-1 >> 100, 5 >> 100, -5 >> 1, -1 << 5)
print(0xF0 & 0x3C, 0xF0 | 0x0F, 0xFF ^ 0x0F)
print(True & False, True | False, True ^ True, ~True)
print(bin(-10), bin(0), hex(-255), oct(-8))
print((255).bit_length(), (-256).bit_length(), (0).bit_length())

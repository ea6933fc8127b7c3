# Every operator and delimiter token, used once.
a, b = 17, 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** 2)
print(a << 2, a >> 2, a & b, a | b, a ^ b, ~a)
print(a < b, a > b, a <= b, a >= b, a == b, a != b)
c = 10
c += 1; c -= 2; c *= 3; c //= 2; c %= 7; c **= 2
print(c)
c = 12
c &= 10; c |= 1; c ^= 3; c <<= 2; c >>= 1
print(c)
d = 7.0
d /= 2
print(d)
print([1, 2][0], {1: 2}[1], (3,)[0])
print((n := 42), n)
def annotated(x: int) -> int:
    return x
print(annotated(1))
print(not a, a and b, 0 or b, a is b, a is not b, 1 in [1], 2 not in [1])

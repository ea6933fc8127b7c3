# Integer and float arithmetic over a matrix of operands (big ints, negatives, floats
# built from random mantissas and exponents with float.fromhex), checking results, reprs, rounding and error messages.
state = 99
def rnd(n):
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return (state >> 33) % n
def rbig():
    k = rnd(6)
    v = [0, 1, 7, 255, 2**31, 2**63 - 1, 10**18][rnd(7)] if k < 2 else rnd(10**9) * (10 ** rnd(30)) + rnd(1000)
    return -v if rnd(2) else v
def rfloat():
    mant = (rnd(2**26) << 26) | rnd(2**26)
    exp = rnd(2046) - 1022
    kind = rnd(8)
    if kind == 0:
        exp = rnd(80) - 40
    elif kind == 1:
        mant = 0
        exp = rnd(60) - 30
    x = float.fromhex(f"0x1.{mant:013x}p{exp}")
    return -x if rnd(2) else x
for i in range(120):
    a, b = rbig(), rbig()
    row = []
    for name, f in (("+", lambda: a + b), ("-", lambda: a - b), ("*", lambda: a * b), ("//", lambda: a // b), ("%", lambda: a % b),
                    ("/", lambda: a / b), ("&", lambda: a & b), ("|", lambda: a | b), ("^", lambda: a ^ b), ("<<", lambda: a << (b % 70)),
                    (">>", lambda: a >> (abs(b) % 130)), ("divmod", lambda: divmod(a, b)), ("pow", lambda: pow(a, abs(b) % 50, abs(b) or 7)),
                    ("cmp", lambda: (a < b, a == b, a > b)), ("round", lambda: round(a, -(abs(b) % 25))), ("hash", lambda: hash(a)),
                    ("bits", lambda: (a.bit_length(), a.bit_count())), ("float", lambda: float(a))):
        try:
            row.append(f"{name}={f()!r}")
        except (ZeroDivisionError, OverflowError, ValueError) as e:
            row.append(f"{name}:{type(e).__name__}:{e}")
    print(a, b, " ".join(row))
for i in range(120):
    x = rfloat()
    y = rfloat()
    row = [repr(x), str(x), repr(-x), format(x, ".17g"), f"{x:e}", repr(round(x, 3)), repr(round(x, -2)), str(x.is_integer())]
    try:
        row.append(repr(x * y))
        row.append(repr(x / y))
        row.append(repr(x % y))
        row.append(repr(x // y))
    except (ZeroDivisionError, OverflowError) as e:
        row.append(f"{type(e).__name__}: {e}")
    row.append(str(hash(x)))
    row.append(repr(float(repr(x)) == x))
    print(" ".join(row))

# A matrix of format specs (fill, align, sign, z, #, 0, width, grouping, precision, type)
# applied to ints, floats, bools and strs, chosen by a fixed pseudo-random sequence.
state = 20240601
def rnd(n):
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return (state >> 33) % n
vals = [0, 1, -1, 42, -42, 255, 10**6, -10**12, 2**70, 0.0, -0.0, 1.5, -2.25, 3.14159, 1e-7,
        1e16, 123456.789, 1e300, float("inf"), float("-inf"), float("nan"), True, False, "s", "hello", "", "é"]
fills = ["", "*", "0", " ", "é"]
aligns = ["", "<", ">", "^", "="]
signs = ["", "+", "-", " "]
types = ["", "d", "x", "X", "o", "b", "c", "e", "E", "f", "F", "g", "G", "%", "n", "s", "r"]
for i in range(700):
    v = vals[rnd(len(vals))]
    spec = fills[rnd(len(fills))] + aligns[rnd(len(aligns))] if rnd(2) else aligns[rnd(len(aligns))]
    spec += signs[rnd(len(signs))]
    if rnd(5) == 0: spec += "z"
    if rnd(5) == 0: spec += "#"
    if rnd(5) == 0: spec += "0"
    if rnd(2): spec += str(rnd(15))
    if rnd(5) == 0: spec += [",", "_"][rnd(2)]
    if rnd(5) < 2: spec += "." + str(rnd(8))
    spec += types[rnd(len(types))]
    try:
        r = format(v, spec)
    except (ValueError, TypeError, OverflowError) as e:
        r = f"{type(e).__name__}: {e}"
    print(f"{v!r:>22} {spec!r:>12} -> {r!r}")

# int(s, base) and float(s) over a matrix of strings built from digits, signs, prefixes,
# underscores, whitespace, inf/nan spellings and non-ASCII decimal digits.
state = 12
def rnd(n):
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return (state >> 33) % n
pieces = ["0", "1", "7", "9", "_", " ", "-", "+", "x", "X", "b", "o", "a", "f", "z", ".", "e", "E", "inf", "nan", "\t", "١", "infinity", "0x", "0b", "0o", "00"]
out = []
for i in range(1200):
    s = "".join(pieces[rnd(len(pieces))] for _ in range(rnd(6)))
    base = [None, 0, 2, 8, 10, 16, 36, 3][rnd(8)]
    try:
        r = int(s) if base is None else int(s, base)
    except (ValueError, TypeError) as e:
        r = f"{type(e).__name__}: {e}"
    try:
        fr = float(s)
    except (ValueError, TypeError) as e:
        fr = f"{type(e).__name__}: {e}"
    out.append(f"{s!r} {base} {r!r} {fr!r}")
print("\n".join(out))

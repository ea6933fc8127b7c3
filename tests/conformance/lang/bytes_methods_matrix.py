# bytes and bytearray methods over a matrix of byte strings and arguments (case, strip,
# split, find/count with int and bytes needles, justify, decode error handlers, hex with
# separators, operators), chosen by a fixed pseudo-random sequence.
state = 8
def rnd(n):
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return (state >> 33) % n
alphabet = [b"a", b"B", b" ", b"\t", b"\n", b"1", b"_", b"\xff", b"\x00", b"-", b".", b"x", b"\r", b"ab", b"Z"]
def rb(n=None):
    n = rnd(7) if n is None else n
    return b"".join(alphabet[rnd(len(alphabet))] for _ in range(n))
out = []
nullary = ["upper", "lower", "title", "capitalize", "swapcase", "strip", "lstrip", "rstrip", "split", "rsplit", "splitlines",
           "isalpha", "isdigit", "isspace", "istitle", "isupper", "islower", "isalnum", "isascii", "expandtabs", "hex"]
for i in range(900):
    s = rb()
    if rnd(3) == 0:
        s = bytearray(s)
    k = rnd(len(nullary) + 9)
    try:
        if k < len(nullary):
            m = nullary[k]
            r = getattr(s, m)()
        elif k == len(nullary):
            m = "find"
            sub = rb(rnd(2)) if rnd(4) else rnd(256)
            args = [rnd(16) - 8 for _ in range(rnd(3))]
            r = [getattr(s, n)(sub, *args) for n in ("find", "rfind", "count")]
            if not isinstance(sub, int):
                r += [s.startswith(sub, *args), s.endswith(sub, *args)]
        elif k == len(nullary) + 1:
            m = "replace"
            r = s.replace(rb(rnd(2)), rb(rnd(3)), rnd(5) - 1)
        elif k == len(nullary) + 2:
            m = "split2"
            sep = [None, b" ", b"a", b"ab", b"\n"][rnd(5)]
            r = (s.split(sep, rnd(5) - 1), s.rsplit(sep, rnd(5) - 1))
        elif k == len(nullary) + 3:
            m = "partition"
            sep = [b"a", b" ", b"ab", b"\xff"][rnd(4)]
            r = (s.partition(sep), s.rpartition(sep))
        elif k == len(nullary) + 4:
            m = "justify"
            w = rnd(12) - 2
            r = (s.center(w), s.ljust(w, b"*"), s.rjust(w), s.zfill(w))
        elif k == len(nullary) + 5:
            m = "strip2"
            r = s.strip(rb(rnd(3)))
        elif k == len(nullary) + 6:
            m = "decode"
            r = (s.decode("latin-1"), s.decode("utf-8", "replace"), s.decode("ascii", "ignore"), s.decode("utf-8", "backslashreplace"))
        elif k == len(nullary) + 7:
            m = "hexsep"
            r = (s.hex(":"), s.hex("-", 2), s.hex(" ", -3), bytes.fromhex(s.hex()))
        else:
            m = "ops"
            t = rb()
            r = (s + t, s * 2, s < t, s == t, t in s if len(t) else None, s[1:3], list(s)[:3], s % () if b"%" not in s else None)
    except (ValueError, TypeError, IndexError) as e:
        r = f"{type(e).__name__}: {e}"
    out.append(f"{i} {s!r} {m} {r!r}")
print("\n".join(out))

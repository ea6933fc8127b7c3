# A matrix of printf-style conversions with flags, widths, precisions, * arguments and
# mixed argument types, chosen by a fixed pseudo-random sequence; plus %(key) mappings.
state = 77
def rnd(n):
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return (state >> 33) % n
vals = [0, -3, 7, 255, 2**65, 1.5, -0.25, 1e20, float("nan"), "ab", "x", "", True, None, [1], (1, 2), 3, 4]
convs = "sdiouxXeEfFgGcra%"
for i in range(500):
    parts = []
    for _ in range(rnd(4)):
        flags = "".join("-+ #0"[rnd(5)] for _ in range(rnd(3)))
        w = ["", "3", "7", "*", "12"][rnd(5)]
        p = ["", ".0", ".2", ".*", ".10"][rnd(5)]
        parts.append("%" + flags + w + p + convs[rnd(len(convs))])
    fmt = "<" + "|".join(parts) + ">"
    args = tuple(vals[rnd(len(vals))] for _ in range(rnd(5)))
    if rnd(5) == 0 and args:
        args = args[0]
    try:
        r = fmt % args
    except (ValueError, TypeError, OverflowError, KeyError) as e:
        r = f"{type(e).__name__}: {e}"
    print(f"{fmt!r} % {args!r} -> {r!r}")
for t in ["%(a)s %(b)d", "%(a)s %s", "%(a)5.2f", "%s %(a)s", "%()s", "%(a", "%(a)s %%", "%(a)s", "plain"]:
    for a in [{"a": 1.5, "b": 2}, {"a": "x"}, [1], (1,), "str", 5]:
        try:
            r = t % a
        except (ValueError, TypeError, KeyError) as e:
            r = f"{type(e).__name__}: {e}"
        print(f"{t!r} % {a!r} -> {r!r}")
for fmt in [b"%s", b"%d %x", b"%5s|%-5s", b"%c%c", b"%r", b"%a", b"%b", b"%(k)s", b"%.1f", b"%s %s"]:
    for a in [(b"ab",), (3, 255), (b"x", bytearray(b"yz")), (65, b"B"), ("s",), (1.25,), {b"k": b"v"}, b"raw", 5]:
        try:
            r = fmt % a
        except (ValueError, TypeError, OverflowError, KeyError) as e:
            r = f"{type(e).__name__}: {e}"
        print(f"{fmt!r} % {a!r} -> {r!r}")

# str methods over a matrix of tricky strings (case mapping with final sigma, titlecase
# digraphs, ligatures, Unicode whitespace and line breaks) and arguments, chosen by a
# fixed pseudo-random sequence.
state = 4242
def rnd(n):
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return (state >> 33) % n
alphabet = ["a", "b", "A", " ", "\t", "\n", "1", "_", "é", "ß", "ǅ", "Σ", "-", ".", "x", "\u2028", "0", "İ", "ﬁ", "'", "\r", "\x1c", "\u3000", "Ⅻ", "²"]
def rs(n=None):
    n = rnd(8) if n is None else n
    return "".join(alphabet[rnd(len(alphabet))] for _ in range(n))
nullary = ["upper", "lower", "title", "capitalize", "swapcase", "casefold", "strip", "lstrip", "rstrip", "split", "rsplit",
           "splitlines", "isalpha", "isdigit", "isdecimal", "isnumeric", "isspace", "istitle", "isupper", "islower", "isalnum",
           "isidentifier", "isprintable", "expandtabs"]
for i in range(900):
    s = rs()
    k = rnd(len(nullary) + 10)
    try:
        if k < len(nullary):
            m = nullary[k]
            r = getattr(s, m)()
        elif k == len(nullary):
            m = "find/rfind/count/index"
            sub = rs(rnd(3))
            args = [rnd(20) - 10 for _ in range(rnd(3))]
            r = []
            for name in ("find", "rfind", "count", "startswith", "endswith"):
                r.append(getattr(s, name)(sub, *args))
        elif k == len(nullary) + 1:
            m = "replace"
            r = s.replace(rs(rnd(2)), rs(rnd(3)), rnd(5) - 1)
        elif k == len(nullary) + 2:
            m = "split(sep, max)"
            sep = [None, " ", "a", "ab", "\n"][rnd(5)]
            r = (s.split(sep, rnd(5) - 1), s.rsplit(sep, rnd(5) - 1))
        elif k == len(nullary) + 3:
            m = "partition"
            sep = ["a", " ", "ab", "é"][rnd(4)]
            r = (s.partition(sep), s.rpartition(sep))
        elif k == len(nullary) + 4:
            m = "justify"
            w = rnd(14) - 2
            r = (s.center(w), s.ljust(w, "*"), s.rjust(w), s.zfill(w))
        elif k == len(nullary) + 5:
            m = "strip(chars)"
            r = s.strip(rs(rnd(3)))
        elif k == len(nullary) + 6:
            m = "removeprefix/suffix"
            r = (s.removeprefix(rs(rnd(2))), s.removesuffix(rs(rnd(2))))
        elif k == len(nullary) + 7:
            m = "splitlines(True)"
            r = s.splitlines(True)
        elif k == len(nullary) + 8:
            m = "index"
            r = s.index(rs(rnd(2)))
        else:
            m = "encode"
            r = s.encode("utf-8"), s.encode("ascii", "replace"), s.encode("latin-1", "ignore")
    except (ValueError, TypeError) as e:
        r = f"{type(e).__name__}: {e}"
    print(f"{s!r} {m} -> {r!r}")

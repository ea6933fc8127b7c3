# Spans with non-ASCII and East Asian wide characters: columns are UTF-8 byte offsets,
# markers are placed by display width.
def join(s, n):
    return (s +
            n)


def pick(*a):
    raise LookupError(len(a))


try:
    join("你好世界", 1)
except TypeError:
    try:
        s = "ｆｕｌｌ"; t = (s
            + 2)
    except TypeError:
        é = 1; y = pick("ü",
                        "é"); z = 3

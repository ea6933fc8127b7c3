# Slicing, slice assignment and deletion with every kind of slice on lists, tuples, str,
# bytes, range and bytearray; dict insertion/deletion/popitem order; chosen by a fixed
# pseudo-random sequence.
state = 31
def rnd(n):
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return (state >> 33) % n
out = []
def sl():
    def part():
        return None if rnd(3) == 0 else rnd(16) - 8
    step = None if rnd(2) else [1, 2, 3, -1, -2, -3, 0][rnd(7)]
    return slice(part(), part(), step)
for i in range(800):
    L = list(range(rnd(10)))
    s = sl()
    op = rnd(6)
    try:
        if op == 0:
            r = L[s]
        elif op == 1:
            L[s] = [100 + k for k in range(rnd(5))]
            r = L
        elif op == 2:
            del L[s]
            r = L
        elif op == 3:
            r = (tuple(L)[s], "abcdefgh"[s], bytes(range(8))[s], range(10)[s])
        elif op == 4:
            L.insert(rnd(20) - 10, "x"); L.pop(rnd(3) - 1 if L else 0); r = L
        else:
            r = s.indices(rnd(12))
    except (ValueError, IndexError, TypeError) as e:
        r = f"{type(e).__name__}: {e}"
    out.append(f"{i} {s} {op} {r!r}")
for i in range(400):
    d = {}
    log = []
    for _ in range(rnd(30)):
        k = rnd(12)
        a = rnd(5)
        if a < 3:
            d[k] = rnd(100)
        elif a == 3:
            d.pop(k, None)
        else:
            if d:
                log.append(d.popitem())
    out.append(f"D{i} {d!r} {log!r} {list(d.keys())[:3]} {list(reversed(d.items()))[:2]}")
for i in range(300):
    b = bytearray(range(rnd(10)))
    s = sl()
    try:
        if rnd(2):
            b[s] = bytes(range(200, 200 + rnd(4)))
        else:
            del b[s]
        r = b
    except (ValueError, IndexError, TypeError) as e:
        r = f"{type(e).__name__}: {e}"
    out.append(f"B{i} {s} {r!r}")
print("\n".join(out))

x = 1 + 2 * 3 - 4 / 5 // 6 % 7 ** 8
y = -x, +x, ~x, not x
z = x << 2 >> 1 & 3 | 4 ^ 5 @ m
big = 2 ** 64 + 10 ** 30 - 123456789012345678901234567890
flt = 1.5 * 2 - 0.25 / 4 + 1e308 * 10 - 3 // 2.0 + 7.5 % 2
s = "a" + "b" * 3 + 'c' "d"
bs = b"x" * 2 + b"y"
t = (1, 2, (3, 4), "five", None, True, ...)
single = (1,)
empty = ()
lst = [1, 2, 3, x, *t, *s]
st = {1, 2, x, *t}
dct = {"a": 1, "b": 2, x: 3, **dct, "c": 4}
cmp = a < b < c, a == b, a != b, a is b, a is not b, a in b, a not in b, not a in b
chain = a < b <= c > d >= e == f != g
boolean = a and b or c and not d
ternary = a if b else c if d else e
walrus = (n := 10) + n
sub = a[1], a[1:2], a[::2], a[1:2:3], a[:], a[x, y], a[1:2, 3], "abc"[1], (1, 2)[0]
attr = a.b.c.d
fstr = f"{x}", f"a{x!r}b{y!s:>10}c{z!a}", f"{x:{width}.{prec}}", f"plain", f""
call = f(x)(y)[z].w
slice_assign = None
a[1:2] = b
a[1:2:3] = c
a.b[c].d = e
a, b = b, a
a = b = c = d
[a, b], c = d
a, *b = c
*a, b = c
a += 1
a.b -= 2
a[i] *= 3
a[1:2] //= 4
del a, b.c, d[e], f[1:2]
if x in [1, 2, 3] and y not in {4, 5}:
    pass
if not x is None:
    pass
if __debug__:
    pass
while 0:
    pass
lam = lambda: 0
lam2 = lambda *a, k=1, **kw: (a, k, kw)
none_check = x if x is not None else None

# f-strings: conversions, nested specs, `=` debugging, expressions and escapes.
x, y, name = 42, 3.14159, "world"
width, prec = 10, 3
print(f"{x}", f"{x!r}", f"{name!r}", f"{name!s}", f"{name!a}", f"{'é'!a}")
print(f"{x:>{width}}|", f"{y:.{prec}f}", f"{y:{width}.{prec}}|", f"{x:{'^'}{width}}|", f"{x:#{'x'}}")
print(f"{x=}", f"{y=:.2f}", f"{name=!r}", f"{x + 1 = }", f"{ x = }", f"{name=}", f"{name=!s}", f"{[1,2]=}")
print(f"{{}} {{x}} {x}{{", f"{'quoted'}", f"{x if x > 0 else -x}", f"{[i*2 for i in range(3)]}", f"{ {'a': 1}['a'] }")
print(f"{x:08.3f}", f"{x:,}", f"{10**6:_}", f"{x:b}", f"{x:#o}", f"{-x:+}", f"{0.5:%}", f"{1e-10:g}")
d = {"k": "v"}
print(f"{d['k']}", f'{d["k"]}', f"{len(d)}", f"{(lambda: 5)()}", f"{x!r:>6}|", f"{'a' 'b'}")
print(f"""multi
{x}
line""", f"{x}" f"{y:.1f}" "plain")
print(f"{'nested ' + f'{x}'}", f"{f'{f'{x}'}'}", f"{'\n'.join(['a', 'b'])}")
class C:
    def __format__(self, spec): return f"C[{spec}]"
    def __repr__(self): return "C()"
    def __str__(self): return "str-C"
c = C()
print(f"{c}", f"{c:xyz}", f"{c!r}", f"{c!s}", f"{c=}", f"{c=:spec}", f"{c!r:>5}")
print(f"{3.0:}", f"{'x':}", f"{None}", f"{True:d}", f"{1_000}")
try:
    f"{x:q}"
except ValueError as e:
    print(type(e).__name__, e)
try:
    f"{name:d}"
except ValueError as e:
    print(type(e).__name__, e)
print(rf"\n{x}", fr"{name}\t", f"\t{x}\\")
items = ["a", "b"]
print(f"{', '.join(items)}", f"{items[0]!r:^7}", f"{x:{width}d}|{y:<{width}.2f}|")

# f-strings: expressions, conversions, format specs, nesting, self-documenting form.
name, n, pi = "Ann", 42, 3.14159265
print(f"{name} has {n} items")
print(f"{name!r} {name!s} {'é'!a}")
print(f"{n:5d}|{n:<5d}|{n:^5d}|{n:05d}|{n:+d}|{-n:d}")
print(f"{pi:.2f}|{pi:10.3f}|{pi:<10.1f}|{pi:e}|{pi:.0f}|{1e6:g}|{0.00001:g}")
print(f"{255:x}|{255:X}|{255:#x}|{255:o}|{255:b}|{255:#010b}")
print(f"{1234567:,}|{1234567:_}|{1234567.891:,.2f}|{0.256:.1%}")
print(f"{name:>8}|{name:*^9}|{name:.2}")
width, prec = 10, 3
print(f"{pi:{width}.{prec}f}|")
print(f"{n=}", f"{n + 1 = }", f"{name=!s}", f"{pi=:.2f}")
print(f"{{literal braces}} {{{n}}}")
print(f"{[1, 2][0]} {({'k': 'v'})['k']} {(lambda x: x * 2)(4)} {n if n > 0 else -n}")
print(f"{'nested ' + f'{n}'}", f"{f'{f'{n}'}'}")
print(f"{'quotes'}" f' "inside" ' f"{name + 'x'}")
items = ["a", "b"]
print(f"{', '.join(items)}", f"{len(items)} item{'s' if len(items) != 1 else ''}")
print(f"""multi
line {name}""")
print(f"{3.0}", f"{True}", f"{None}", f"{[1, 'a']}")
class P:
    def __format__(self, spec):
        return "P(" + spec + ")"
    def __repr__(self):
        return "P!"
    def __str__(self):
        return "p-str"
print(f"{P():abc}", f"{P()!r}", f"{P()}", f"{P()!s:>6}")
print(f"{'left':<6}|{'right':>6}|", f"{-3.5:08.2f}", f"{12:=+6}")

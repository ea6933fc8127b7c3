# str.format and format(): the format-spec mini-language.
print("{} {} {}".format(1, "a", 2.5), "{0}{1}{0}".format("x", "y"), "{name}={val}".format(name="k", val=3))
print("{0[1]} {0[k]} {1.real}".format([1, 2], 3) if False else "{0[1]} {1.real}".format([1, 2], 3), "{a[0]}".format(a="xy"))
print("{:d} {:5d} {:<5d}| {:^5d} {:>5d} {:05d} {:+d} {: d} {:-d}".format(42, 42, 42, 42, 42, 42, 42, 42, -42))
print("{:x} {:X} {:#x} {:o} {:#o} {:b} {:#b} {:c} {:n}".format(255, 255, 255, 8, 8, 5, 5, 65, 1234))
print("{:,} {:_} {:_x} {:,.2f} {:_b}".format(1234567, 1234567, 0xFFFFFF, 1234567.891, 255))
print("{:f} {:.2f} {:10.3f} {:e} {:.3E} {:g} {:G} {:.3g} {:%} {:.1%}".format(3.14159, 3.14159, 3.14159, 12345.678, 12345.678, 0.00001234, 1e20, 1234.5, 0.25, 0.333))
print("{:g} {:g} {:g} {:g} {:.0f} {:.0e} {:#.0f} {:#g}".format(100000.0, 1000000.0, 1e-5, 123.0, 2.5, 12345.0, 3.0, 1.0))
print("{:*^10} {:->8} {:.<6} {:=+8d} {:0=8d} {:x<3}".format("mid", "r", "l", 42, -42, "ab"))
print("{:.3} {:10.2}| {:>10}| {!r} {!s} {!a}".format("abcdef", "xyz", "s", "q", "q", "é"))
print("{{literal}} {{{}}}".format(5), "{:{w}.{p}f}".format(3.14159, w=10, p=2), "{:{}}".format("x", 4))
print(format(1234.5, ","), format(0.1, ".20f"), format(1e100, "f")[:20], format(-0.0, "f"), format(float("inf"), "f"), format(float("nan"), "F"), format(float("-inf"), "e"))
print(format(True, "d"), format(True), format(True, ">5"), format(5, ""), format(2**70, ","), format(-2**70, "x"))
print(format(1.5, ""), format(1e16, ""), format(1.0, "g"), format(12, ".2f"), format(12, "e"), format(3, "%"))
print(format("abc", "<5") + "|", format("abc", "5") + "|", format(12, "5") + "|", format(1.5, "8") + "|")
print(format(0.5, ".0f"), format(1.5, ".0f"), format(2.5, ".0f"), format(2.675, ".2f"), format(1.0, ".15g"), format(123456789.0, ".3g"))
print("{0:{1}}".format(3.14159, ".3"), "{:>{width}}".format("a", width=4))
for spec, val in ((".2f", "s"), ("d", 1.5), ("s", 5), ("x", 1.5), ("c", -1), (",s", "x"), ("=5", "x"), ("+s", "x"), ("abc", 1), ("z", 1.0)):
    try:
        print(format(val, spec))
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
for tmpl, args in (("{", ()), ("}", ()), ("{0}", ()), ("{x}", ()), ("{0!z}", (1,)), ("{:d}", ("a",))):
    try:
        tmpl.format(*args)
    except (ValueError, IndexError, KeyError) as e:
        print(type(e).__name__, e)
print("{}".format(None), "{:>6}".format(None) if False else "", "{0} {0!r}".format("q"))
print("{:z.1f} {:z.1f}".format(-0.04, 0.04))
print("{:#010x} {:#_b} {:08.3f} {:+.2e}".format(255, 10, -3.14159, 12345.6789))
print(format(12345.6789, "_.2f"), format(0.000012345, ".3e"), format(1e-7, "g"), format(1.23e-7, ".10g"))
print("{!r:>10}".format("a"), "{0:^{1}}".format("x", 7) + "|")
print(format(10**20, "e"), format(12345678901234567890, "g"), format(255, "#X"), format(-255, "#o"))
print("{:c}".format(0x263A), format(65, "c"))
print("{0:.{1}f}".format(2.71828, 3), "%s".format() if False else "ok")
print("{:,d}".format(-1234567), "{:_d}".format(10**10), "{:,}".format(1234.5678))

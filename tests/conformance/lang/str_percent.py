# printf-style % formatting.
print("%s %r %a" % ("é", "é", "é"), "%d %i %u" % (1, -2, 3), "%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42))
print("%x %X %#x %o %#o %e %E %f %F %g %G" % (255, 255, 255, 8, 8, 1234.5, 1234.5, 1.5, 1.5, 0.00001, 1e20))
print("%.2f %10.3f %-10.1f| %.0f %.3e %.3g %c %c %%" % (3.14159, 3.14159, 2.5, 2.5, 12345.678, 12345.678, 65, "z"))
print("%(name)s is %(age)d" % {"name": "Bob", "age": 30}, "%s" % [1, 2], "%s" % (1,), "%s %s" % ("a", "b"))
print("%*d|%-*d|%.*f" % (5, 1, 4, 2, 2, 3.14159), "%s" % "x", "%r" % None, "%d" % 3.9, "%d" % True, "%x" % 2**70)
print("%5s|%-5s|%.2s|%5.1s|" % ("ab", "ab", "abc", "xyz"))
print("%s" % {"a": 1}, "%(a)s %(a)r" % {"a": "x"}, "%%d" % ())
for tmpl, args in (("%d", "x"), ("%d %d", (1,)), ("%s", (1, 2)), ("%z", 1), ("%(k)s", 1), ("%c", 10**7), ("%c", "ab"), ("%x", 1.5)):
    try:
        print(tmpl % args)
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(type(e).__name__, e)
print(b"%s %d %x" % (b"ab", 5, 255), b"%c" % 65, b"%r" % b"x" if False else b"%a" % "x")
print("%.3s" % "abcdef", "%-6.2f|" % 3.14159, "%+.1e" % -1234.5, "%#.3g" % 1.0, "%g" % 1e-5, "%g" % 123456789.0)
print("%s and %s" % ("a", "b"), "%i%%" % 50, "%o" % -8, "%X" % -255, "%#X" % 255)

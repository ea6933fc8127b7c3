# %-formatting and str.format.
print("%s and %s" % ("a", "b"), "%d%%" % 50, "%5.2f|%-5d|%05d" % (3.14159, 7, 42))
print("%x %X %o %e %r %s" % (255, 255, 8, 12345.678, "s", "s"))
print("%(name)s is %(age)d" % {"name": "ann", "age": 30})
print("%c%c" % (72, "i"), "%.3s" % "abcdef", "%+d %+d" % (5, -5), "% d" % 5)
print("{} {}".format(1, 2), "{1} {0}".format("a", "b"), "{x}-{y}".format(x=1, y=2))
print("{:>6}|{:<6}|{:^6}|".format("r", "l", "c"), "{:08.3f}".format(-3.14159))
print("{0[1]} {1[k]} {2.real}".format([5, 6], {"k": "v"}, 7))
print("{!r} {!s}".format("q", "q"), "{{}}".format(), "{:,}".format(10 ** 9))
print("{:b} {:o} {:x} {:#X}".format(10, 10, 255, 255))
print(format(0.5, ".0%"), format(12345.6789, ".2e"), format(-1, "+"), format(7, "3"))
try:
    "%d" % "x"
except TypeError as e:
    print("TypeError:", e)
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError:", e)

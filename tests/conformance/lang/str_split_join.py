# str.split/rsplit/splitlines/join/partition/rpartition.
s = "  a b\tc\n d  "
print(s.split(), s.split(" "), s.split(None, 1), s.rsplit(None, 1), s.rsplit(maxsplit=2))
print("a,b,,c".split(","), "a,b,,c".split(",", 1), "a,b,,c".rsplit(",", 1), "a,b,,c".rsplit(",", maxsplit=-1))
print("".split(), "".split(","), "   ".split(), ",".split(","), "abc".split("abc"))
print("a--b--c".split("--"), "a--b--c".rsplit("--", 1), "aaa".split("a"), "aXbXc".split(sep="X", maxsplit=1))
try:
    "a".split("")
except ValueError as e:
    print(type(e).__name__, e)
try:
    "a".split(1)
except TypeError as e:
    print(type(e).__name__, e)
print("l1\nl2\r\nl3\rl4".splitlines(), "l1\nl2\n".splitlines(True), "".splitlines(), "\n".splitlines(), "a\x0bb\x0cc\x1cd\x1de\x1ef\x85g\u2028h\u2029i".splitlines())
print("x\n\ny".splitlines(keepends=True))
print(",".join(["a", "b", "c"]), "".join([]), "-".join("abc"), " ".join(x for x in ["p", "q"]), ", ".join(("1",)))
for bad in ([1, 2], ["a", None], [b"x"]):
    try:
        ",".join(bad)
    except TypeError as e:
        print(type(e).__name__, e)
print("a=b=c".partition("="), "a=b=c".rpartition("="), "abc".partition("x"), "abc".rpartition("x"))
try:
    "abc".partition("")
except ValueError as e:
    print(type(e).__name__, e)
print("a b c".split(" ", 0), "a b c".rsplit(" ", 0), " a ".split(" "))
print("1  2   3".split(" "), "\u3000a\u3000b".split())

# Common str methods.
s = "  Hello, World  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr("xxhixx".strip("x")))
t = "Hello, World"
print(t.upper(), t.lower(), t.swapcase(), "hello world".title(), "hELLO".capitalize())
print(t.split(), t.split(", "), "a,b,,c".split(","), "a b  c".split(" "), "  a  b ".split())
print("1-2-3-4".split("-", 2), "1-2-3-4".rsplit("-", 1), "".split(), "".split(","))
print("line1\nline2\r\nline3".splitlines(), "a\n\nb\n".splitlines())
print("-".join(["a", "b", "c"]), "".join("xyz"), ", ".join([]))
print(t.replace("l", "L"), t.replace("l", "", 2), "aaa".replace("a", "bb"))
print(t.find("o"), t.rfind("o"), t.find("z"), t.index("W"), t.count("l"), "aaaa".count("aa"))
print(t.startswith("Hell"), t.endswith("ld"), t.startswith(("x", "He")), t.endswith("x"))
print("123".isdigit(), "12a".isdigit(), "abc".isalpha(), "ab1".isalnum(), " \t".isspace())
print("ABC".isupper(), "abc".islower(), "Title Case".istitle(), "".isdigit())
print(repr("ab".center(6)), repr("ab".ljust(5, ".")), repr("ab".rjust(5)), "42".zfill(5), "-7".zfill(4))
print("key=value=x".partition("="), "key=value=x".rpartition("="), "abc".partition("z"))
print("Hello".removeprefix("He"), "Hello".removesuffix("lo"), "tab\tsep".expandtabs(4))
print("%d items" % 3, "ab" in "cabd", "x" not in "abc")

# strip family, replace, find/rfind/index/rindex/count, startswith/endswith, case methods.
s = "  xxhello worldxx  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr(s.strip(" x")), repr("xxhixx".strip("x")), repr("abc".strip("")))
print(repr("\t\n a \r\x0b\x0c".strip()), repr("  ".strip()), repr("abcba".strip("ab")), repr("abc".lstrip("ba")), repr("abc".rstrip("cb")))
print("aaa".replace("a", "b"), "aaa".replace("a", "b", 2), "abc".replace("", "-"), "abc".replace("", "-", 2), "abc".replace("x", "y"), "aaaa".replace("aa", "b"))
print("a.b.c".replace(".", "", -1), "abc".replace("b", "", count=1))
h = "hello hello"
print(h.find("l"), h.rfind("l"), h.find("z"), h.find("l", 5), h.find("l", 4, 6), h.find(""), h.rfind(""), h.find("", 20), h.find("o", -3))
print(h.index("o"), h.rindex("o"), h.count("l"), h.count("ll"), h.count(""), h.count("l", 3), h.count("l", 0, 3), "aaaa".count("aa"))
for f in (lambda: h.index("z"), lambda: h.rindex("z", 2)):
    try:
        f()
    except ValueError as e:
        print(type(e).__name__, e)
print(h.startswith("he"), h.startswith(("x", "hel")), h.startswith("lo", 3), h.startswith("he", 0, 1), h.endswith("lo"), h.endswith(("a", "llo")), h.endswith("hel", 0, 3), h.startswith(""))
try:
    h.startswith(["h"])
except TypeError as e:
    print(type(e).__name__, e)
t = "hELLo wORLD ßtraße ǅemo"
print(t.upper(), t.lower(), t.title(), t.capitalize(), t.swapcase(), t.casefold())
print("hello world".title(), "they're bill's".title(), "3rd place".title(), "a1b2".title(), "HELLO".capitalize(), "".capitalize())
print("Hello".center(11, "*"), "Hello".center(10), repr("ab".center(5)), "x".ljust(3, "-"), "x".rjust(3, "."), "long".center(2), "ab".ljust(1))
try:
    "x".center(5, "ab")
except TypeError as e:
    print(type(e).__name__, e)
print("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "abc".zfill(2), "".zfill(3), "-".zfill(3))
print("a\tb\tc".expandtabs(), "a\tbc\td".expandtabs(4), "\t".expandtabs(0))
print("prefix_x".removeprefix("prefix_"), "x_suffix".removesuffix("_suffix"), "abc".removeprefix("z"))
print("abc".translate({97: "A", 98: None}), "abc".translate(str.maketrans("ab", "xy")), str.maketrans({"a": 1}), sorted(str.maketrans("ab", "cd", "e").items()))
print("Hello"[1:3], "Hello"[::-1], "Hello"[-3:], "Hello"[10:], "héllo"[1], len("héllo"), "abc" * 0, "ab" < "abc", "B" < "a")
print("abc".encode(), "héllo".encode("utf-8"), "héllo".encode("latin-1"), "x".encode(encoding="ascii"))
try:
    "héllo".encode("ascii")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
print("héllo".encode("ascii", "ignore"), "héllo".encode("ascii", "replace"))
print(str(b"abc", "ascii"), str(5), str(), str(1.5), str([1, "a"]), str(None))
print("%" in "100%", "ll" in "hello", "" in "abc", "abc".__contains__("b"))
print(ord("a"), chr(97), ord("€"), chr(8364), chr(0x1F600) == "\U0001F600")
for f in (lambda: chr(-1), lambda: chr(0x110000), lambda: ord("ab"), lambda: ord(""), lambda: chr("a")):
    try:
        f()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

# repr() versus str() for built-in values, including quote choice and escapes.
for v in ["plain", "it's", 'say "hi"', "both ' and \"", "tab\t", "new\nline", "\\",
          "\x00\x7f", "é", "中", "\u200b", "😀", "\x1b[0m", "\r"]:
    print(repr(v), str(v) == v)
print(repr(1), repr(-1.5), repr(True), repr(None), repr(b"\x00a'"), repr(b'"'))
print(repr([1, "a", [None]]), repr((1,)), repr(()), repr({"k": [1, 2]}), repr(set()))
print(str([1, "a"]), str((1, "b")), str({"k": "v"}))
print(repr(""), str(""), repr(" "), repr("'"), repr('"'))
nested = [1]
print(repr([nested, nested]), repr({"a": (1, [2, {"b": None}])}))
print(repr(1e100), repr(-0.0), repr(float("inf")), repr(float("nan")))
print(ascii("é中😀"), ascii("plain"), ascii(["é"]))

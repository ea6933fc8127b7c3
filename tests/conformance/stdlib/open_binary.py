# open(): binary files.
import os

fn = "open_binary.tmp"
with open(fn, "wb") as f:
    print(f.write(b"\x00\x01abc\n\xffdef\nlast"), repr(f).replace(fn, "F"), f.mode)
    f.write(bytearray(b"!"))
with open(fn, "rb") as f:
    print(f.read(3), f.readline(), f.readlines(), f.read(), f.tell(), f.mode)
with open(fn, "rb") as f:
    print(list(f))
with open(fn, "r+b") as f:
    f.seek(2)
    f.write(b"XY")
    f.seek(0)
    print(f.read(), f.mode, type(f).__name__)
with open(fn, "ab") as f:
    f.write(b"++")
    print(f.mode, type(f).__name__)
with open(fn, "rb") as f:
    f.seek(-2, 2)
    print(f.read(), f.seek(1), f.read(1), f.seek(1, 1), f.read(1))
with open(fn, "wb") as f:
    f.write(b"\xff\xfeabc\n")
try:
    with open(fn) as f:
        f.read()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
with open(fn, errors="replace") as f:
    print(repr(f.read()))
with open(fn, errors="ignore") as f:
    print(repr(f.read()))
with open(fn, encoding="latin-1") as f:
    print(repr(f.read()))
with open(fn, "wb") as f:
    f.write("é✓".encode("utf-8") if hasattr(str, "encode") else b"")
with open(fn, encoding="utf-8") as f:
    print(repr(f.read()))
try:
    with open(fn, "wb") as f:
        f.write("text")
except TypeError as e:
    print("TypeError:", e)
os.remove(fn)

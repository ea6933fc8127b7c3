# open(): text files, reading, writing, universal newlines, encodings.
import os

fn = "open_text.tmp"
with open(fn, "w") as f:
    print(f.write("hello\nworld\r\nthird\rfourth"), f.closed, f.name, f.mode, f.encoding, f.errors)
    f.writelines(["\n", "a", "b\n"])
    print("printed", 42, file=f)
print(f.closed, repr(f))
with open(fn) as f:
    print(repr(f.read()))
with open(fn, newline="") as f:
    print(f.readlines())
with open(fn, "rb") as f:
    print(f.read())
with open(fn, newline="\n") as f:
    print([line for line in f])
with open(fn, newline="\r") as f:
    print(list(f))
with open(fn, newline="\r\n") as f:
    print(list(f))
with open(fn) as f:
    print(repr(f.read(3)), repr(f.readline()), repr(f.readline(2)), repr(f.readline()), f.tell())
    print(repr(f.read(100)))
    print(repr(f.read()), repr(f.readline()), f.readlines())
with open(fn) as f:
    print(f.readlines(10))
with open(fn, "a") as f:
    f.write("appended\n")
with open(fn, "r+") as f:
    print(repr(f.readline()))
    f.seek(0)
    f.write("HELLO")
    f.seek(0)
    print(repr(f.read()))
with open(fn, "w", encoding="utf-8") as f:
    f.write("héllo wörld ✓ 😀\n")
with open(fn, encoding="utf-8") as f:
    s = f.read()
    print(s, len(s), f.tell())
with open(fn, encoding="UTF8") as f:
    print(repr(f.read(2)), repr(f.read(4)), f.encoding)
with open(fn, "w+") as f:
    f.write("line1\nline2\n")
    f.seek(0)
    for line in f:
        print(repr(line))
    print(f.tell(), f.seek(0), f.read(5), f.tell())
with open(fn, "w", encoding="ascii") as f:
    try:
        f.write("é")
    except UnicodeEncodeError as e:
        print("UnicodeEncodeError:", e)
with open(fn, "a+") as f:
    print(f.tell())
    f.seek(0)
    print(repr(f.read()))
with open(fn, "w", newline="\r\n") as f:
    f.write("a\nb\n")
with open(fn, "rb") as f:
    print(f.read())
with open(fn, "w") as f:
    f.write("x\n" * 3)
    f.truncate(4)
with open(fn) as f:
    print(repr(f.read()), f.readable(), f.writable(), f.seekable(), f.isatty())

# Line-by-line processing of a bigger file.
with open(fn, "w") as f:
    for i in range(2000):
        f.write(f"{i},{i * i}\n")
total = 0
with open(fn) as f:
    for line in f:
        a, b = line.split(",")
        total += int(b)
print(total)
with open(fn) as f:
    lines = f.read().splitlines()
print(len(lines), lines[0], lines[-1])

# A file object stays usable after an exception in the with block; closed after.
try:
    with open(fn) as f:
        raise KeyError("boom")
except KeyError:
    print(f.closed)
f = open(fn)
f.close()
f.close()
for op in [f.read, f.readline, lambda: next(f), lambda: f.write("x"), f.tell]:
    try:
        op()
    except ValueError as e:
        print("ValueError:", e)
os.remove(fn)
print(os.path.exists(fn))

# open(): argument checks and OS errors (errno, strerror, filename).
import os

fn = "open_errors.tmp"
with open(fn, "w") as f:
    pass
for args in [(fn, "rw"), (fn, "q"), (fn, "rr"), (fn, "bt"), (fn, "rU"), (fn, "r", -1, "utf-8", None, "x"),
             (fn, "rb", -1, "utf-8"), (fn, "rb", -1, None, "strict"), (fn, "rb", -1, None, None, "\n"),
             (fn, 3), ([], "r"), (fn, "r", -1, "bogus-codec"), (1.5, "r"), (fn, "r", 0)]:
    try:
        f = open(*args)
        print("opened", f)
        f.close()
    except (ValueError, TypeError, LookupError) as e:
        print(type(e).__name__ + ":", e)
for args in [(".", "r"), (".", "w"), ("no_such_dir/x", "w"), (fn, "x"), ("", "r"), ("no_such_file.txt",)]:
    try:
        open(*args)
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, repr(e.filename), e.args, isinstance(e, OSError))
try:
    open("no_such_file.txt")
except FileNotFoundError:
    print("caught FileNotFoundError")
f = open(fn)
try:
    f.write("x")
except OSError as e:
    import io
    print(type(e).__name__, e, isinstance(e, ValueError), isinstance(e, io.UnsupportedOperation))
f.close()
f = open(fn, "w")
try:
    f.read()
except OSError as e:
    print(type(e).__name__, e)
try:
    f.write(5)
except TypeError as e:
    print(e)
try:
    f.seek(1, 1)
except OSError as e:
    print(type(e).__name__, e)
f.close()
with open(fn, "x" if not os.path.exists(fn) else "w") as f:
    print(f.mode)
os.remove(fn)
with open(fn, "x") as f:
    print(f.mode, f.write("new"))
os.remove(fn)

# io.StringIO / BytesIO and print(file=...).
import io

s = io.StringIO()
print(s.write("hello "), s.write("world\n"))
print("second", "line", sep="-", file=s)
print(repr(s.getvalue()), s.tell())
s.seek(0)
print(repr(s.readline()), repr(s.read(3)), repr(s.read()), repr(s.read()))
s2 = io.StringIO("a\nb\nc")
print(list(s2), s2.closed)
s2.seek(0)
print(s2.readlines())
with io.StringIO("x") as s3:
    print(s3.read())
print(s3.closed)
try:
    s3.read()
except ValueError as e:
    print(e)
b = io.BytesIO(b"abc")
b.seek(0, 2)
b.write(b"def")
print(b.getvalue(), b.tell())
try:
    io.StringIO().write(5)
except TypeError as e:
    print(e)

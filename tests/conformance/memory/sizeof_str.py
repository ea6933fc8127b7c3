# sys.getsizeof of str: compact ASCII, latin-1, UCS-2 and UCS-4 strings.
import sys

for n in [0, 1, 2, 7, 8, 15, 16, 100]:
    print(n, sys.getsizeof("a" * n), ("a" * n).__sizeof__())
    print(n, sys.getsizeof("\xe9" * n), sys.getsizeof("\u20ac" * n), sys.getsizeof("\U0001F600" * n))
print(sys.getsizeof(""), "".__sizeof__(), str.__sizeof__("abc"))
for s in ["hello", "héllo", "h€llo", "h😀llo", "a\x7f", "a\x80", "a\xff", "a\u0100", "a\uffff", "a\U00010000"]:
    print(ascii(s), len(s), sys.getsizeof(s), s.__sizeof__())
s = "abc"
s += "d" * 20
print(sys.getsizeof(s))
print(sys.getsizeof(str(12345)), sys.getsizeof(repr(1.5)), sys.getsizeof("x".join(["ab", "cd"])))
print(sys.getsizeof("ABC".lower()), sys.getsizeof("€ab"[1:]), sys.getsizeof("xéy"[1]), sys.getsizeof(chr(233)), sys.getsizeof("é" * 1))
print(sys.getsizeof(b""), sys.getsizeof(b"abc"), sys.getsizeof(bytes(100)), b"ab".__sizeof__())
print(sys.getsizeof(bytearray()), sys.getsizeof(bytearray(b"abc")))

class S(str):
    pass

for v in ["", "abc", "\xe9", "\u20ac", "\U0001F600x"]:
    print(ascii(v), sys.getsizeof(S(v)), S(v).__sizeof__())
print(object.__sizeof__("abc"), object.__sizeof__(b"abc"), object.__sizeof__((1, 2)), object.__sizeof__(1.5))
print(object.__sizeof__(0), object.__sizeof__(1), object.__sizeof__(-5), object.__sizeof__(2**40), object.__sizeof__(-2**70))

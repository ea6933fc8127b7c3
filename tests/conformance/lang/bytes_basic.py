# bytes and bytearray basics.
b = b"hello\x00\xff\n\t'\""
print(b, repr(b), len(b), b[0], b[-1], b[1:3], b[::-1][:3], list(b[:3]), b"" == bytes(), bytes(3), bytes([65, 66]), bytes("é", "utf-8"))
print(b'a"b', b"a'b", b"a'\"b", b"\\", bytes(range(30, 35)), b"\x7f\x80")
print(b"abc".decode(), b"h\xc3\xa9".decode("utf-8"), b"\xe9".decode("latin-1"), b"\xff".decode("utf-8", "replace"), b"\xffa".decode("utf-8", "ignore"))
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
print(b"abc".hex(), b"\x01\xff".hex(), b"abcd".hex(":"), b"abcdef".hex("-", 2), bytes.fromhex("de ad be ef"), bytes.fromhex("00ff"))
print(b",".join([b"a", b"b"]), b"".join([]), b"-".join((bytearray(b"x"), b"y")), b"a b  c".split(), b"a,b".split(b","), b" x ".strip(), b"abc".upper(), b"ABC".lower())
print(b"abc".startswith(b"a"), b"abc".endswith(b"bc"), b"abcb".find(b"b"), b"abcb".rfind(b"b"), b"abcb".count(b"b"), b"abc".replace(b"b", b"X"), b"abc".index(b"c"), b"b" in b"abc", 98 in b"abc")
print(b"ab" + b"cd", b"ab" * 2, b"a" < b"b", b"abc" == b"abc", b"x".isalpha(), b"12".isdigit(), b"abc".title(), b"x".center(5, b"*"), b"12".zfill(4))
try:
    b"a" + "b"
except TypeError as e:
    print(type(e).__name__, e)
try:
    b"abc"[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    bytes([256])
except ValueError as e:
    print(type(e).__name__, e)
try:
    bytes("abc")
except TypeError as e:
    print(type(e).__name__, e)
ba = bytearray(b"abc")
ba.append(100)
ba.extend(b"ef")
ba.extend([103, 104])
ba[0] = 65
ba[1:3] = b"XYZ"
print(ba, len(ba), ba[0], ba[-1], bytes(ba), ba.decode(), repr(bytearray()), bytearray(3), bytearray([1, 2]))
del ba[0]
del ba[-2:]
print(ba, ba.pop(), ba.pop(0), ba)
ba.insert(0, 122)
ba.remove(122)
ba.reverse()
print(ba, ba.hex(), ba.copy(), ba == bytearray(ba), ba + b"!", b"!" + ba, ba * 2, ba.find(b"Y"))
ba += b"++"
print(ba, type(ba + b"").__name__, type(b"" + ba).__name__)
for f in (lambda: ba.append(256), lambda: ba.append("a"), lambda: bytearray(b"")[0], lambda: bytearray(b"x").pop(5), lambda: bytearray().pop()):
    try:
        f()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
print(list(b"ab"), [x for x in bytearray(b"\x01\x02")], b"abc"[1:].decode(), bytes(bytearray(b"q")), bytearray("é", "utf-8"))
print(b"%d-%s" % (5, b"x"), b"a\tb".expandtabs(4), b"abc".translate(None, b"b"), b"ab".partition(b"a"), b"hello world".split(maxsplit=1))
print(hash(b"abc") == hash(b"abc"), {b"k": 1}[b"k"], b"abc".isascii(), bytes.maketrans(b"a", b"b")[97])
print(int.from_bytes(b"\x00\x10", "big"), (16).to_bytes(2, "big"), memoryview(b"ab").tobytes() if False else "")
print(str(b"x"), str(bytearray(b"y")), f"{b'z'}", "%s" % b"w", format(b"v"))
print(b"\xc3\xa9t\xc3\xa9".decode(), "été".encode("utf-16-le") if False else "", b"abc".ljust(5, b"."), b"abc".rjust(5))

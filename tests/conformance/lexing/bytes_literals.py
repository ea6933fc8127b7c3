# Bytes literals and their repr.
print(b'abc', b"double", b'''triple''')
print(b'\x00\x01\xff', b'\n\t\\', b"it's", b'say "hi"')
print(rb'\n raw', br'\d')
print(len(b'abc'), b'abc'[0], b'abc'[1:])
print(b'ab' + b'cd', b'ab' * 3)
print(b'abc' == b'abc', b'a' < b'b')
print(type(b'').__name__)

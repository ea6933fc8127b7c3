# type(), isinstance() and issubclass().
values = [1, 1.5, "s", b"b", True, None, [1], (1,), {1: 2}, {1}, range(2), len, print]
for v in values:
    print(type(v))
print(type(1) is int, type(True) is bool, type(True) is int, type(type(1)))
print(isinstance(True, int), isinstance(1, bool), isinstance(1, (str, float, int)))
print(isinstance("s", object), isinstance(None, object), isinstance(int, type))
print(issubclass(int, object), issubclass(bool, int), issubclass(float, int))
class A:
    pass
class B(A):
    pass
print(type(A()), type(A), type(B()).__name__, isinstance(B(), A), issubclass(B, (int, A)))
print(type(3)(7), type("x")(5), type([])((1, 2)))
print(int.__name__, str.__name__, type(None).__name__, type(...).__name__)

# True, False, None and Ellipsis; soft keywords as ordinary names.
print(True, False, None, ...)
print(repr(True), repr(None), repr(...), Ellipsis)
print(True is True, None is None, ... is Ellipsis)
print(type(None).__name__, type(True).__name__, type(...).__name__)
match = 1
case = 2
type = 3
_ = 4
print(match + case + type + _)

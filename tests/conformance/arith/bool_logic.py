# bool is an int subclass; and/or return operands; not returns a bool.
print(True + True, True * 10, False - 1, True / 2, -True)
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "default", "" or [] or 0)
print(not 0, not 1, not "", not "x", not [], not [0], not None)
print(bool(0), bool(0.0), bool(""), bool([]), bool({}), bool(()), bool(None))
print(bool(1), bool(-1), bool(0.1), bool("0"), bool([0]), bool((None,)))
print(True == 1, False == 0, isinstance(True, int), issubclass(bool, int))
def noisy(v, tag):
    print("eval", tag)
    return v
print(noisy(0, "a") and noisy(1, "b"))
print(noisy(1, "c") or noisy(1, "d"))
print(noisy(1, "e") and noisy(0, "f") or noisy(2, "g"))

# assert statements, caught.
assert True
assert 1 + 1 == 2, "math works"
try:
    assert 1 > 2
except AssertionError as e:
    print("AssertionError with args", e.args)
try:
    assert [], "empty list is falsy"
except AssertionError as e:
    print("AssertionError:", e)
def check(v):
    assert isinstance(v, int), "expected int, got " + type(v).__name__
    return v * 2
print(check(21))
try:
    check("x")
except AssertionError as e:
    print("AssertionError:", e)

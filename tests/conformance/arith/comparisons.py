# Comparison operators, chaining and mixed types.
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1.0 == True, 1 < 2 > 0)
print(1 == 1.0, 2 != 2.0, 0.1 + 0.2 > 0.3, -0.0 == 0.0)
print("abc" < "abd", "Z" < "a", "" < "a", "abc" < "ab", "a" * 3 == "aaa")
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, "a") < (1, "b"), [] == [])
print((1, 2) == (1, 2), [1, [2]] == [1, [2]], {1: 2} == {1: 2}, {1, 2} == {2, 1})
print(None == None, None == 0, None is None, 1 != None)
print(1 == "1", [1] == (1,), "a" != "b")
def side(v):
    print("side", v)
    return v
print(side(1) < side(2) < side(0) < side(5))
nan = float("nan")
print(nan == nan, nan != nan, nan < 1, nan > 1, [nan] == [nan])
x = [1, 2]
y = x
z = [1, 2]
print(x is y, x is z, x == z, x is not z)
for a, b in [(1, "a"), ([], {}), (None, 1)]:
    try:
        a < b
    except TypeError as e:
        print("TypeError:", e)

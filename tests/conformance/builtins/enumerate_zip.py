# enumerate() and zip().
for i, ch in enumerate("abc"):
    print(i, ch)
for i, ch in enumerate("xy", start=10):
    print(i, ch)
print(list(enumerate([])), list(enumerate(["a"], 1)))
print(list(zip([1, 2, 3], "abc")), list(zip([1, 2, 3], "ab")), list(zip()))
print(list(zip(range(3), range(10, 13), range(20, 23))))
names, ages = ["ann", "bob"], [30, 40]
for name, age in zip(names, ages):
    print(name, age)
pairs = list(zip(names, ages))
print(pairs, list(zip(*pairs)))
try:
    list(zip([1, 2], [3], strict=True))
except ValueError as e:
    print("ValueError:", e)

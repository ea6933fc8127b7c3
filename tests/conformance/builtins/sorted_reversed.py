# sorted() and reversed(), keys, reverse and stability; list.sort().
data = [5, 2, 9, 1, 5, 6]
print(sorted(data), sorted(data, reverse=True), data)
print(sorted("banana"), sorted(("b", "a")), sorted({3: "x", 1: "y"}))
words = ["pear", "Fig", "apple", "kiwi", "Banana", "date"]
print(sorted(words), sorted(words, key=len), sorted(words, key=str.lower))
print(sorted(words, key=len, reverse=True))
records = [("ann", 3), ("bob", 1), ("cy", 3), ("di", 1)]
print(sorted(records, key=lambda r: r[1]))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed((1, 2))))
data.sort()
print(data)
data.sort(key=lambda v: -v)
print(data)
print(sorted([3.5, 1, 2.25, -1]), sorted([[2, 1], [1, 5], [1, 2]]))
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)

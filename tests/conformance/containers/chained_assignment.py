# Chained assignment binds every target to the same object, left to right.
a = b = c = []
a.append(1)
print(a, b, c, a is b is c)
x = y = 5
y += 1
print(x, y)
items = [0, 0, 0]
i = items[i] = 1 if False else 2
print(i, items)
d = {}
d["k"] = d2 = {"n": 1}
print(d, d2, d["k"] is d2)
m, n = o = (1, 2)
print(m, n, o)

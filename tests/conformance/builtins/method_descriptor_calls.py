# Method calls on built-in instances (the direct native call after LOAD_METHOD) and
# the cases that must take the general path: subclasses, unbound calls, wrong
# receivers, keyword arguments, wrong argument counts.
l = [3, 1, 2]
l.append(4)
print(l.pop(), l.pop(0), l, l.index(2), l.count(1))


class L(list):
    def append(self, x):
        print("L.append", x)
        super().append(x * 10)


m = L()
m.append(1)
m.extend([2])
print(m, m.pop())
list.append(l, 9)
print(l)
d = {"a": 1}
print(d.get("a"), d.get("b", 0), d.setdefault("c", 3), sorted(d.items()))
s = "a,b"
print(s.split(","), s.upper(), "-".join(["x", "y"]))
calls = [
    lambda: list.append(d, 1),
    lambda: l.append(),
    lambda: l.append(1, 2),
    lambda: l.append(x=1),
    lambda: l.pop(1, 2),
    lambda: [].pop(),
    lambda: d.get(),
    lambda: list.append(),
    lambda: s.split(1),
]
for c in calls:
    try:
        c()
    except Exception as e:
        print(type(e).__name__, e)

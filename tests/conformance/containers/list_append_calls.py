# list.append reached in every way a call can reach it (exact lists take a shortcut).
l = [1]
l.append(2)
list.append(l, 3)
f = l.append
f(4)
print(l, l.append(5), l)


class L(list):
    pass


class Loud(list):
    def append(self, x):
        print("Loud.append", x)
        super().append(x * 10)


a = L()
a.append(1)
list.append(a, 2)
b = Loud()
b.append(1)
list.append(b, 2)
print(type(a).__name__, a, type(b).__name__, b)

for call in (lambda: l.append(), lambda: l.append(1, 2), lambda: l.append(x=1),
             lambda: list.append(), lambda: list.append((), 1), lambda: list.append(l)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)

# A list appended to itself, and appends while iterating.
s = []
s.append(s)
print(s, s[0] is s)
n = [0]
for x in n:
    if x < 5:
        n.append(x + 1)
print(n)

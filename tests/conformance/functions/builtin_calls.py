# Calls of built-in functions and built-in methods with positional arguments: the
# eval loop calls them on its stack directly (len of a built-in container and
# list.append on an exact list outright). Everything around those shortcuts must stay.
import sys


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


class MyList(list):
    def __len__(self):
        return 99

    def append(self, x):
        print("MyList.append", x)
        super().append(x)


def lens():
    out = []
    for x in ["abc", "h\u00e9llo", [1, 2], (1,), {1: 2}, {1, 2, 3}, frozenset(), b"xy", bytearray(b"xyz"), range(5), {1: 2}.keys(), Sized(7), MyList([1]), []]:
        out.append(len(x))
    return out


for _ in range(3):
    print(lens())

for bad in [5, None, Sized(-1), Sized("x"), len]:
    try:
        len(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

try:
    len()
except TypeError as e:
    print("TypeError", e)
try:
    len([], [])
except TypeError as e:
    print("TypeError", e)

# list.append: exact lists, subclasses, unbound calls, wrong receivers.
l = []
for i in range(5):
    l.append(i)
print(l)
m = MyList()
for i in range(2):
    m.append(i)
print(m, len(m), list.__len__(m))
list.append(l, "unbound")
print(l[-1])
try:
    list.append(5, 1)
except TypeError as e:
    print("TypeError", e)
try:
    l.append()
except TypeError as e:
    print("TypeError", e)
try:
    l.append(1, 2)
except TypeError as e:
    print("TypeError", e)
f = l.append
f("bound")
print(l[-1])

# Other built-in methods and functions through the same path.
s = "a,b,c"
for _ in range(3):
    print(s.split(","), s.upper(), ",".join(["x", "y"]), s.count(","))
d = {"k": 1}
for _ in range(3):
    print(d.get("k"), d.get("z"), d.get("z", 0), sorted(d.items()), isinstance(d, dict), abs(-3), max(1, 5, 2), min([4, 2]))

# Errors raised inside native code still point at the call.
def pop_empty():
    return [].pop()

try:
    pop_empty()
except IndexError as e:
    tb = e.__traceback__
    lines = []
    while tb is not None:
        lines.append(tb.tb_lineno)
        tb = tb.tb_next
    print("IndexError", e, lines)

# A __len__ that recurses through len() still hits the recursion limit.
class Deep:
    def __len__(self):
        return len(self)

sys.setrecursionlimit(100)
try:
    len(Deep())
except RecursionError as e:
    print("RecursionError", e)
sys.setrecursionlimit(1000)

# Temporaries passed to built-ins are released after the call, first to last.
class D:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return "D%d" % self.n

    def __del__(self):
        print("del", self.n)


print(D(1), D(2), D(3))
"{} {}".format(D(4), D(5))
isinstance(D(6), D)
[].append(D(7))
print(len(str(D(8))))
print("done")

# Truth of built-in containers in `while x:` / `if x:` (a local tested in place), of
# subclasses that override __bool__ / __len__, and list.pop() with no index: the last
# item, the buffer shrinking as CPython's, an empty list raising.
import sys


def drain(stack):
    out = []
    while stack:
        out.append(stack.pop())
    return out


print(drain([1, 2, 3]))
for v in ([], [0], (), (0,), {}, {0: 0}, "", "a", 0.0, 0.5, 0, 7, None, b"", b"x", set(), {1}, range(0), range(2)):
    if v:
        print(repr(v), "true")
    else:
        print(repr(v), "false")


class Falsy(list):
    def __bool__(self):
        print("Falsy.__bool__ refcount", sys.getrefcount(self))
        return False


class Short(list):
    def __len__(self):
        return 0


f = Falsy([1, 2])
while f:
    print("not reached")
s = Short([1])
print("Short", bool(s), "yes" if s else "no")


def local_truth():
    x = Falsy([1])
    if x:
        print("not reached")
    else:
        print("Falsy local is false")


local_truth()

# Sizes while popping: the over-allocation shrinks as CPython's list_resize.
lst = list(range(40))
sizes = []
while lst:
    lst.pop()
    sizes.append(sys.getsizeof(lst))
print(sizes)

try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
lst = [1, 2, 3]
print(lst.pop(0), lst.pop(-1), lst)
try:
    lst.pop(5)
except IndexError as e:
    print("IndexError:", e)
try:
    lst.pop(1, 2)
except TypeError as e:
    print("TypeError:", e)

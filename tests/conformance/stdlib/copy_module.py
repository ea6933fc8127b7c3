# copy: shallow and deep copies, shared structure and cycles, custom hooks.
import copy
from collections import deque, OrderedDict, defaultdict, Counter, namedtuple

l1 = [[1, 2], [3]]
s = copy.copy(l1)
d = copy.deepcopy(l1)
s[0].append(9)
print(l1, s is l1, s[0] is l1[0], d, d[0] is l1[0])
shared = [1]
pair = [shared, shared]
pc = copy.deepcopy(pair)
print(pc[0] is pc[1], pc[0] is shared)
cyc = [1, 2]
cyc.append(cyc)
cc = copy.deepcopy(cyc)
print(cc[2] is cc, cc is cyc, cc[:2])
dc = {"a": [1], "b": {"c": (1, [2])}}
dd = copy.deepcopy(dc)
dd["b"]["c"][1].append(3)
print(dc, dd)
t = (1, 2, "x")
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy((1, [2]))[1] is not None)
print(copy.copy(5), copy.deepcopy("s"), copy.copy(None), copy.deepcopy(len) is len, copy.copy({1, 2}), copy.deepcopy(frozenset([1])))


class Node:
    def __init__(self, v):
        self.v = v
        self.children = []


root = Node(1)
root.children.append(Node(2))
root.children.append(root)
r2 = copy.deepcopy(root)
print(r2.v, r2.children[0].v, r2.children[1] is r2, r2 is root, r2.children[0] is root.children[0])
r3 = copy.copy(root)
print(r3.children is root.children, r3.v)


class Custom:
    def __init__(self, x):
        self.x = x

    def __copy__(self):
        return Custom(self.x + 100)

    def __deepcopy__(self, memo):
        return Custom(self.x + 1000)


print(copy.copy(Custom(1)).x, copy.deepcopy(Custom(1)).x, copy.deepcopy([Custom(2)])[0].x)


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = [1]
        self.b = 2


sl = copy.deepcopy(Slotted())
print(sl.a, sl.b)


class State:
    def __init__(self):
        self.v = 1

    def __getstate__(self):
        return {"v": self.v * 10}

    def __setstate__(self, st):
        self.v = st["v"] + 1


print(copy.copy(State()).v, copy.deepcopy(State()).v)
dq = deque([[1], [2]], maxlen=5)
dq2 = copy.deepcopy(dq)
dq2[0].append(5)
print(dq, dq2, copy.copy(dq))
od = OrderedDict(a=[1])
print(copy.deepcopy(od), copy.copy(defaultdict(list, a=[1])), copy.deepcopy(Counter("aab")))
P = namedtuple("P", "x y")
print(copy.copy(P(1, [2])), copy.deepcopy(P(1, [2])))


class Sub(list):
    pass


sc = copy.deepcopy(Sub([[1], 2]))
print(type(sc).__name__, sc)

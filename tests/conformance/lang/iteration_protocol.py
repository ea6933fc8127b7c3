# The iteration protocol in detail: iterators vs iterables, StopIteration handling,
# old-style __getitem__ sequences, iterators exhausted once, iter() sentinel form,
# unpacking from iterators, in-operator on iterators.
class Range3:
    def __iter__(self):
        print("__iter__ called")
        return iter([1, 2, 3])
r = Range3()
a, b, c = r
print(a, b, c)
print([x for x in r], list(r), sum(r), max(r), sorted(r, reverse=True), tuple(r), set(r))
print(2 in r, 7 in r, dict.fromkeys(r), list(enumerate(r)), list(zip(r, r)))

class OldSeq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * i
print(list(OldSeq()), 9 in OldSeq(), 5 in OldSeq(), [x for x in OldSeq() if x], iter(OldSeq()).__class__.__name__)

class KeyErrorSeq:
    def __getitem__(self, i):
        raise KeyError(i)
try:
    list(KeyErrorSeq())
except KeyError as e:
    print("KeyError propagates", e)

it = iter([1, 2, 3])
print(next(it), list(it), list(it), next(it, "done"))
it2 = iter("abc")
print(iter(it2) is it2, "b" in it2, list(it2))

class CountTo:
    def __init__(self, n):
        self.n, self.i = n, 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > self.n:
            raise StopIteration
        return self.i
ct = CountTo(3)
print(list(ct), list(ct))
first, *rest = CountTo(4)
print(first, rest)

stream = iter(["x", "y", "STOP", "z"])
print(list(iter(lambda: next(stream), "STOP")))

class Flaky:
    def __init__(self):
        self.calls = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.calls += 1
        if self.calls == 3:
            raise ValueError("broke on 3")
        return self.calls
try:
    for v in Flaky():
        print("flaky", v)
except ValueError as e:
    print("ValueError", e)

d = {"a": 1, "b": 2}
print(list(iter(d)), list(d.items()), [k for k in d], next(iter(d.values())))
print(list(map(lambda p: p[0] * p[1], zip([1, 2, 3], [4, 5, 6]))), list(filter(None, iter([0, 1, 0, 2]))))
print(list(reversed(range(5))), list(reversed("abc")), list(reversed([]))[:1])
nested = [[1, 2], [3], []]
print([x for sub in nested for x in sub], sum(nested, []), list(__import__("itertools").chain(*nested)) if False else "")

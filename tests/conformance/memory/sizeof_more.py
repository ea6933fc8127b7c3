# More sizes: dict copies and merges (with holes), fromkeys, deletions; sets; list paths.
import sys
gs = sys.getsizeof
x = {i: i for i in range(21)}
print(gs(dict(x)), gs(x.copy()), gs({**x}))
for i in range(15): del x[i]
print(gs(x), gs(dict(x)), gs(x.copy()), gs({**x}))
y = {}; y.update(x); print(gs(y))
s = {"a": 1, "b": 2}
print(gs(s.copy()), gs(dict(s)), gs(dict(s, c=3)))
d = dict.fromkeys("abcdefgh"); print(gs(d))
d = dict.fromkeys({1, 2, 3, 4, 5, 6, 7}); print(gs(d))
d = dict.fromkeys(x); print(gs(d))
d = {}
for i in range(10): d[i] = i
for i in range(10): del d[i]
print(gs(d))
d[1] = 1; print(gs(d))
for i in range(20): d[i] = i; d.pop(i)
print(gs(d))
s = set(range(10)); s2 = s | {100}; print(gs(s2), gs(s & {1, 2}), gs(s - {1}), gs(s.copy()))
s = set()
for i in range(100): s.add(i)
for i in range(95): s.discard(i)
print(gs(s))
s.clear(); print(gs(s))
a = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
a[2:3] = [7, 8, 9]; print(gs(a))
a[:] = []; print(gs(a))
l = [x for x in range(5)]; l.remove(3); print(gs(l))
l = list(range(100)); del l[::2]; print(gs(l))
l = list(range(100)); l.sort(reverse=True); print(gs(l))
l = list(map(str, range(10))); print(gs(l))
l = list(zip(range(5), range(5))); print(gs(l))
l = list(reversed(range(7))); print(gs(l))
l = list({1: 2, 3: 4}); print(gs(l)); l = [*{1,2,3}]; print(gs(l))
l = list(enumerate("abcdefghijk")); print(gs(l))
l = sorted(range(7)); print(gs(l))
l = list(filter(None, range(20))); print(gs(l))
print(gs(set("abc")), gs(set(range(100))), gs(frozenset(range(5))), gs(set({1: 2, 3: 4})), gs(frozenset("abcdefgh")))

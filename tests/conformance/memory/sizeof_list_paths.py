# list(), extend and sorted() of sets, dicts, dict views, strs, ranges and generators.
import sys
gs = sys.getsizeof
d = {1: 2, 3: 4}
print(gs(list(d)), gs(list({1: 2})), gs(list({i: i for i in range(10)})), gs(list(d.keys())), gs(list(d.values())), gs(list(d.items())))
print(gs(list("ab")), gs(list(range(2))), gs(list((1, 2))), gs(list({1, 2})), gs(list([1, 2])), gs(list(frozenset({1, 2}))))
l = []; l.extend(d); print(gs(l))
l = []; l.extend({1, 2}); print(gs(l))
l = []; l.extend(range(3)); print(gs(l))
l = []; l.extend("abc"); print(gs(l))
l = []; l.extend(x for x in "abc"); print(gs(l))
print(gs(sorted(range(7))), gs(sorted([3, 1, 2])), gs(sorted("abcde")), gs(sorted({3: 1, 1: 2})), gs(sorted(x for x in range(9))))

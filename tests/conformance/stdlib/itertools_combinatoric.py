# itertools: the native combinatoric iterators (edge cases).
import itertools as it
print(list(it.product(repeat=0)), list(it.product('ab', repeat=0)), list(it.product('ab', '', 'c')), list(it.permutations(range(3), 0)), list(it.combinations(range(3), 0)))
print(list(it.combinations_with_replacement('', 0)), list(it.combinations_with_replacement('', 1)), list(it.permutations('ab', 3)), list(it.combinations('abc', 3)), list(it.permutations('abcd', 2))[:7])
print(len(list(it.permutations(range(7)))), len(list(it.combinations(range(12), 5))), len(list(it.combinations_with_replacement(range(6), 3))), list(it.combinations_with_replacement([1,2], 3)))
p = it.permutations([1,2,3]); print(next(p), list(p), list(p))
print(type(it.product()).__name__, it.product.__module__ if hasattr(it.product, '__module__') else '')
class MyP(it.permutations): pass
print(list(MyP('ab')))
for bad in [lambda: it.product(1), lambda: it.permutations('a', 'b'), lambda: it.combinations('a'), lambda: it.product('a', rep=2)]:
    try: bad()
    except TypeError as e: print(e)

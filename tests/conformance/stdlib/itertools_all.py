# itertools: every iterator of the module.
import itertools as it

print(list(it.islice(it.count(), 5)), list(it.islice(it.count(2, 0.5), 3)), it.count(3), it.count(1, 2), repr(it.count(1.5)))
c = it.count(10)
next(c)
print(c, next(c))
print(list(it.islice(it.cycle("ab"), 5)), list(it.cycle([])), list(it.repeat("x", 3)), it.repeat(1), it.repeat(1, 2), list(it.repeat(0, -1)))
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3], lambda a, b: a * b)), list(it.accumulate([1, 2], initial=10)), list(it.accumulate([])))
print(list(it.accumulate([3, 1, 4, 1, 5], max)), list(it.accumulate("abc")))
print(list(it.chain("ab", [1, 2])), list(it.chain()), list(it.chain.from_iterable(["ab", "cd"])), list(it.compress("abcd", [1, 0, 1, 0])))
print(list(it.dropwhile(lambda x: x < 3, [1, 2, 3, 4, 1])), list(it.takewhile(lambda x: x < 3, [1, 2, 3, 4, 1])))
print(list(it.filterfalse(None, [0, 1, 0, 2])), list(it.filterfalse(lambda x: x % 2, range(10))))
print([(k, list(g)) for k, g in it.groupby("aaabbcaa")], [k for k, g in it.groupby([1, 1, 2, 3, 3])])
print([(k, list(g)) for k, g in it.groupby(range(10), key=lambda x: x // 3)])
gb = it.groupby("aabb")
k1, g1 = next(gb)
k2, g2 = next(gb)
print(k1, list(g1), k2, list(g2))
print(list(it.islice("abcdefg", 2, None)), list(it.islice("abcdefg", 0, 6, 2)), list(it.islice("abc", 10)), list(it.islice(range(10), 2, 8, 3)), list(it.islice("abc", None)))
src = iter(range(10))
print(list(it.islice(src, 3)), next(src))
print(list(it.starmap(pow, [(2, 3), (3, 2)])), [list(x) for x in it.tee([1, 2, 3], 3)], it.tee([1], 0))
a, b = it.tee(iter([1, 2, 3]))
print(next(a), next(a), next(b), list(a), list(b))
print(list(it.zip_longest("ab", "xyz", fillvalue="-")), list(it.zip_longest()), list(it.zip_longest([1])), list(it.zip_longest([1, 2], [3])))
print(list(it.product("ab", repeat=2)), list(it.product([1, 2], "xy")), list(it.product()), list(it.product([], [1])))
print(list(it.permutations("abc", 2)), len(list(it.permutations(range(5)))), list(it.permutations([])), list(it.permutations("ab", 3)))
print(list(it.permutations(range(3))))
print(list(it.combinations("abcd", 2)), list(it.combinations("ab", 3)), list(it.combinations(range(4), 0)))
print(list(it.combinations_with_replacement("abc", 2)), list(it.combinations_with_replacement([], 2)))
print(list(it.pairwise("abcd")), list(it.pairwise([1])), list(it.batched("abcdefg", 3)), list(it.batched([], 2)))
try:
    list(it.batched("abc", 2, strict=True))
except ValueError as e:
    print(e)
for bad in [lambda: it.islice("a", -1), lambda: it.islice("a", 0, 1, 0), lambda: it.islice("a"), lambda: it.batched("a", 0),
            lambda: it.repeat(1, "a"), lambda: it.permutations("a", -1), lambda: it.combinations("a", -2), lambda: it.product("a", repeat=-1),
            lambda: it.chain(1, 2).__next__(), lambda: it.tee([], -1)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(type(it.chain()).__name__, type(it.count()).__name__, type(it.islice([], 1)).__name__, type(it.zip_longest()).__name__)
# Lazy: infinite inputs are fine.
print(list(it.islice(it.accumulate(it.count(1)), 5)), list(it.islice(zip(it.count(), "xyz"), 5)))
print(sum(1 for _ in it.combinations(range(20), 3)), list(it.islice(it.product(range(100), repeat=3), 2)))

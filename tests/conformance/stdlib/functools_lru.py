# functools: lru_cache on methods, typed caches, deep memoised recursion.
from functools import lru_cache, reduce, cache
class A:
    def __init__(self, k): self.k = k
    @lru_cache(maxsize=None)
    def f(self, x): return x * self.k
    @cache
    def g(self, x): return x + self.k
a = A(3)
print(a.f(2), a.f(2), A.f.cache_info(), a.g(1), A.g.cache_info().currsize)
print(A.f(a, 5))
@lru_cache(maxsize=2, typed=True)
def t(x): return type(x).__name__
print(t(1), t(1.0), t(True), t.cache_info())
try:
    @lru_cache
    def u(x): return x
    u([1])
except TypeError as e: print(e)
print(reduce(lambda a, b: a + b, range(5)))


@lru_cache(maxsize=None)
def depth(n):
    return 0 if n == 0 else depth(n - 1) + 1


print(depth(900))


@cache
def ways(n, coins=(1, 2, 5)):
    if n == 0:
        return 1
    if n < 0 or not coins:
        return 0
    return ways(n - coins[0], coins) + ways(n, coins[1:])


print(ways(200), ways.cache_info().hits > 0)

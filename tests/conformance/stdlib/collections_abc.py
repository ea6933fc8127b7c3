# collections.abc and abc: isinstance checks, mixin methods, abstract classes.
from collections.abc import Iterable, Iterator, Mapping, MutableMapping, Sequence, MutableSequence, Sized, Callable, Hashable, Set, MutableSet, Container, Generator, Collection, Reversible, KeysView
from collections import deque, OrderedDict, defaultdict, Counter
import collections.abc as cabc
from abc import ABC, abstractmethod
print([isinstance(x, Iterable) for x in ([], (), '', {}, set(), 5, iter([]), (i for i in []), deque())])
print([isinstance(x, Sequence) for x in ([], (), '', {}, set(), range(3), deque(), b'')])
print([isinstance(x, MutableSequence) for x in ([], (), deque())], [isinstance(x, Mapping) for x in ({}, [], OrderedDict(), defaultdict(), Counter())])
print(isinstance({}, MutableMapping), isinstance(iter([]), Iterator), isinstance([], Iterator), isinstance(len, Callable), isinstance(lambda: 0, Callable), isinstance(1, Callable))
print(isinstance(1, Hashable), isinstance([], Hashable), isinstance(set(), MutableSet), isinstance(frozenset(), Set), isinstance(frozenset(), MutableSet))
print(isinstance((x for x in ()), Generator), isinstance([], Collection), isinstance([], Reversible), isinstance({}.keys(), KeysView), isinstance({}.keys(), Set), issubclass(list, Sized))
class Seq(Sequence):
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
    def __getitem__(self, i):
        if i >= self.n: raise IndexError
        return i * 10
s = Seq(3); print(list(s), 20 in s, s.index(10), s.count(0), list(reversed(s)), isinstance(s, Iterable))
class MyIt:
    def __iter__(self): return self
    def __next__(self): raise StopIteration
print(isinstance(MyIt(), Iterator), issubclass(MyIt, Iterable))
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def perimeter(self): ...
class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
    def perimeter(self): return 4 * self.s
try: Shape()
except TypeError as e: print(e)
class Half(Shape):
    def area(self): return 1
try: Half()
except TypeError as e: print(e)
print(Sq(3).area(), isinstance(Sq(2), Shape), Shape.__abstractmethods__ == frozenset({'area', 'perimeter'}))
class D(MutableMapping):
    def __init__(self): self.d = {}
    def __getitem__(self, k): return self.d[k]
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
d = D(); d.update(a=1, b=2); print(d.get('a'), 'b' in d, list(d.items()), d.pop('a'), d.setdefault('c', 3), dict(d), d == {'b': 2, 'c': 3})
print(cabc.Sequence.__name__, cabc.Sequence.__module__)

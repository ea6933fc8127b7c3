"""Functional tools for creating and using iterators (pyglass).

The iterators are classes (so that they have CPython's type names and, for count and
repeat, its reprs) or generator functions where only the values matter; the
combinatoric ones are native (`_itertools`).
"""

__all__ = ["count", "cycle", "repeat", "accumulate", "batched", "chain", "compress",
           "dropwhile", "filterfalse", "groupby", "islice", "pairwise", "starmap",
           "takewhile", "tee", "zip_longest", "product", "permutations", "combinations",
           "combinations_with_replacement"]


def _index_arg(value, what):
    if isinstance(value, int):
        return int(value)
    meth = getattr(type(value), "__index__", None)
    if meth is None:
        raise TypeError(what)
    return meth(value)


class _Iterator:
    __slots__ = ()

    def __iter__(self):
        return self


class count(_Iterator):
    """count(start=0, step=1): start, start+step, start+2*step, ..."""
    __slots__ = ("_n", "_step")

    def __init__(self, start=0, step=1):
        for v in (start, step):
            if not isinstance(v, (int, float, complex)) and not hasattr(type(v), "__add__"):
                raise TypeError("a number is required")
        self._n = start
        self._step = step

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        name = type(self).__name__
        if isinstance(self._step, int) and self._step == 1:
            return f"{name}({self._n!r})"
        return f"{name}({self._n!r}, {self._step!r})"


class cycle(_Iterator):
    """cycle(iterable): the items of iterable, over and over."""
    __slots__ = ("_it", "_saved", "_index", "_first")

    def __init__(self, iterable, /):
        self._it = iter(iterable)
        self._saved = []
        self._index = 0
        self._first = True

    def __next__(self):
        if self._first:
            for item in self._it:
                self._saved.append(item)
                return item
            self._first = False
        saved = self._saved
        if not saved:
            raise StopIteration
        item = saved[self._index]
        self._index = (self._index + 1) % len(saved)
        return item


class repeat(_Iterator):
    """repeat(object[, times]): object, times times or forever."""
    __slots__ = ("_obj", "_times")

    def __init__(self, object, times=None):
        self._obj = object
        if times is not None:
            times = _index_arg(times, f"'{type(times).__name__}' object cannot be interpreted as an integer")
            if times < 0:
                times = 0
        self._times = times

    def __next__(self):
        t = self._times
        if t is None:
            return self._obj
        if t <= 0:
            raise StopIteration
        self._times = t - 1
        return self._obj

    def __length_hint__(self):
        if self._times is None:
            raise TypeError("len() of unsized object")
        return self._times

    def __repr__(self):
        name = type(self).__name__
        if self._times is None:
            return f"{name}({self._obj!r})"
        return f"{name}({self._obj!r}, {self._times})"


def _add(a, b):
    return a + b


def accumulate(iterable, func=None, *, initial=None):
    """Running totals (or running results of func)."""
    return _accumulate(iter(iterable), func, initial)


def _accumulate(it, func, initial):
    total = initial
    if initial is None:
        for total in it:
            break
        else:
            return
    yield total
    if func is None:
        for element in it:
            total = total + element
            yield total
    else:
        for element in it:
            total = func(total, element)
            yield total


class chain(_Iterator):
    """chain(*iterables): the items of each iterable in turn."""
    __slots__ = ("_sources", "_active")

    def __init__(self, *iterables):
        self._sources = iter(iterables)
        self._active = None

    @classmethod
    def from_iterable(cls, iterable, /):
        self = cls.__new__(cls)
        self._sources = iter(iterable)
        self._active = None
        return self

    def __next__(self):
        while True:
            if self._active is None:
                try:
                    self._active = iter(next(self._sources))
                except StopIteration:
                    raise StopIteration from None
            try:
                return next(self._active)
            except StopIteration:
                self._active = None


def compress(data, selectors):
    """Items of data whose corresponding selector is true."""
    return _compress(iter(data), iter(selectors))


def _compress(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d


def dropwhile(predicate, iterable, /):
    """Drop items while predicate(item) is true, then yield every item."""
    return _dropwhile(predicate, iter(iterable))


def _dropwhile(predicate, it):
    for x in it:
        if not predicate(x):
            yield x
            break
    for x in it:
        yield x


def takewhile(predicate, iterable, /):
    """Items while predicate(item) is true."""
    return _takewhile(predicate, iter(iterable))


def _takewhile(predicate, iterable):
    for x in iterable:
        if predicate(x):
            yield x
        else:
            break


def filterfalse(function, iterable, /):
    """Items for which function(item) is false."""
    return _filterfalse(bool if function is None else function, iter(iterable))


def _filterfalse(function, iterable):
    for x in iterable:
        if not function(x):
            yield x


class groupby(_Iterator):
    """groupby(iterable, key=None): (key, group iterator) for runs of equal keys."""
    __slots__ = ("_it", "_keyfunc", "_tgtkey", "_currkey", "_currvalue", "_id")

    def __init__(self, iterable, key=None):
        self._keyfunc = key if key is not None else _identity
        self._it = iter(iterable)
        self._tgtkey = self._currkey = self._currvalue = _marker
        self._id = None

    def __next__(self):
        self._id = object()
        while self._currkey is _marker or self._currkey == self._tgtkey:
            self._advance()
        self._tgtkey = self._currkey
        return self._currkey, self._grouper(self._tgtkey, self._id)

    def _advance(self):
        self._currvalue = next(self._it)
        self._currkey = self._keyfunc(self._currvalue)

    def _grouper(self, tgtkey, ident):
        while self._id is ident and self._currkey == tgtkey:
            yield self._currvalue
            try:
                self._advance()
            except StopIteration:
                return


_marker = object()


def _identity(x):
    return x


class islice(_Iterator):
    """islice(iterable, stop) / islice(iterable, start, stop[, step])."""
    __slots__ = ("_it", "_next", "_stop", "_step", "_pos")

    def __init__(self, iterable, *args):
        n = len(args)
        if n == 1:
            start, stop, step = None, args[0], None
        elif n in (2, 3):
            start, stop = args[0], args[1]
            step = args[2] if n == 3 else None
        elif n == 0:
            raise TypeError("islice expected at least 2 arguments, got 1")
        else:
            raise TypeError(f"islice expected at most 4 arguments, got {n + 1}")
        if stop is not None:
            try:
                stop = _index_arg(stop, "")
            except TypeError:
                stop = -1
            if stop < 0:
                raise ValueError("Stop argument for islice() must be None or an integer: "
                                 "0 <= x <= sys.maxsize.")
        if start is None:
            start = 0
        else:
            try:
                start = _index_arg(start, "")
            except TypeError:
                start = -1
            if start < 0:
                raise ValueError("Indices for islice() must be None or an integer: "
                                 "0 <= x <= sys.maxsize.")
        if step is None:
            step = 1
        else:
            try:
                step = _index_arg(step, "")
            except TypeError:
                step = 0
            if step < 1:
                raise ValueError("Step for islice() must be a positive integer or None.")
        self._it = iter(iterable)
        self._next = start
        self._stop = stop
        self._step = step
        self._pos = 0

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        stop = self._stop
        if stop is not None and self._next >= stop:
            # Consume up to stop, as CPython does, then finish.
            while self._pos < stop:
                self._pos += 1
                try:
                    next(it)
                except StopIteration:
                    break
            self._it = None
            raise StopIteration
        while self._pos < self._next:
            try:
                next(it)
            except StopIteration:
                self._it = None
                raise
            self._pos += 1
        try:
            item = next(it)
        except StopIteration:
            self._it = None
            raise
        self._pos += 1
        self._next += self._step
        if stop is not None and self._next > stop:
            self._next = stop
        return item


def starmap(function, iterable, /):
    """function(*args) for each args tuple of iterable."""
    return _starmap(function, iter(iterable))


def _starmap(function, iterable):
    for args in iterable:
        yield function(*args)


class _TeeLink:
    __slots__ = ("value", "next")

    def __init__(self):
        self.next = None


class _Tee(_Iterator):
    __slots__ = ("_it", "_link")

    def __init__(self, it, link):
        self._it = it
        self._link = link

    def __next__(self):
        link = self._link
        if link.next is None:
            value = next(self._it)
            link.value = value
            link.next = _TeeLink()
        self._link = link.next
        return link.value

    def __copy__(self):
        return _Tee(self._it, self._link)


def tee(iterable, n=2, /):
    """n independent iterators over the same iterable."""
    if not isinstance(n, int):
        raise TypeError(f"'{type(n).__name__}' object cannot be interpreted as an integer")
    if n < 0:
        raise ValueError("n must be >= 0")
    if n == 0:
        return ()
    it = iter(iterable)
    link = _TeeLink()
    return tuple(_Tee(it, link) for _ in range(n))


class zip_longest(_Iterator):
    """zip_longest(*iterables, fillvalue=None): like zip, padding the shorter ones."""
    __slots__ = ("_its", "_active", "_fill")

    def __init__(self, *iterables, fillvalue=None):
        self._its = [iter(it) for it in iterables]
        self._active = len(self._its)
        self._fill = fillvalue

    def __next__(self):
        its = self._its
        if not self._active:
            raise StopIteration
        values = []
        for i, it in enumerate(its):
            if it is None:
                values.append(self._fill)
                continue
            try:
                values.append(next(it))
            except StopIteration:
                self._active -= 1
                if not self._active:
                    raise
                its[i] = None
                values.append(self._fill)
        return tuple(values)


# The combinatoric iterators are native (index bookkeeping is slow in Python).
from _itertools import product, permutations, combinations, combinations_with_replacement


def pairwise(iterable, /):
    """Successive overlapping pairs: (s0, s1), (s1, s2), ..."""
    return _pairwise(iter(iterable))


def _pairwise(it):
    for a in it:
        for b in it:
            yield a, b
            a = b
        break


def batched(iterable, n, *, strict=False):
    """Tuples of n items (the last one may be shorter unless strict)."""
    if n < 1:
        raise ValueError("n must be at least one")
    return _batched(iter(iterable), n, strict)


def _batched(it, n, strict):
    while True:
        batch = []
        for item in it:
            batch.append(item)
            if len(batch) == n:
                break
        if not batch:
            return
        if strict and len(batch) != n:
            raise ValueError("batched(): incomplete batch")
        yield tuple(batch)

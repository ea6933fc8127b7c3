"""Weak references (pyglass's own implementation of the `weakref` module).

`ref` and the counting functions are native (`_weakref`); proxies, the weak
collections and `finalize` are built on `ref` callbacks here.
"""

from _weakref import ref, ReferenceType, getweakrefcount, getweakrefs

__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs", "WeakKeyDictionary",
           "ReferenceType", "ProxyType", "WeakValueDictionary", "WeakSet", "finalize"]


class ProxyType:
    """A proxy forwarding attribute access and calls to a weakly referenced object."""

    __slots__ = ("_pyglass_ref", "__weakref__")

    def __init__(self, obj, callback=None):
        if callback is None:
            r = ref(obj)
        else:
            me = self
            r = ref(obj, lambda _r: callback(me))
        object.__setattr__(self, "_pyglass_ref", r)

    def _target(self):
        o = object.__getattribute__(self, "_pyglass_ref")()
        if o is None:
            raise ReferenceError("weakly-referenced object no longer exists")
        return o

    def __getattr__(self, name):
        return getattr(ProxyType._target(self), name)

    def __setattr__(self, name, value):
        setattr(ProxyType._target(self), name, value)

    def __delattr__(self, name):
        delattr(ProxyType._target(self), name)

    def __call__(self, *args, **kwargs):
        return ProxyType._target(self)(*args, **kwargs)

    def __repr__(self):
        o = object.__getattribute__(self, "_pyglass_ref")()
        if o is None:
            return "<weakproxy at %#x; dead>" % id(self)
        return "<weakproxy at %#x; to '%s' at %#x>" % (id(self), type(o).__name__, id(o))

    def __str__(self):
        return str(ProxyType._target(self))

    def __bool__(self):
        return bool(ProxyType._target(self))

    def __len__(self):
        return len(ProxyType._target(self))

    def __iter__(self):
        return iter(ProxyType._target(self))

    def __getitem__(self, key):
        return ProxyType._target(self)[key]

    def __setitem__(self, key, value):
        ProxyType._target(self)[key] = value

    def __contains__(self, item):
        return item in ProxyType._target(self)

    def __eq__(self, other):
        return ProxyType._target(self) == other

    def __hash__(self):
        raise TypeError("unhashable type: 'weakref.ProxyType'")


def proxy(obj, callback=None):
    return ProxyType(obj, callback)


class WeakValueDictionary:
    """A mapping whose values are held weakly: an entry vanishes when its value dies."""

    def __init__(self, other=(), **kw):
        self.data = {}
        self.update(other, **kw)

    def _remover(self, key):
        data_ref = ref(self)

        def remove(wr):
            self2 = data_ref()
            if self2 is not None and self2.data.get(key) is wr:
                del self2.data[key]
        return remove

    def __setitem__(self, key, value):
        self.data[key] = ref(value, self._remover(key))

    def __getitem__(self, key):
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __delitem__(self, key):
        del self.data[key]

    def __contains__(self, key):
        try:
            o = self.data[key]()
        except KeyError:
            return False
        return o is not None

    def __len__(self):
        return sum(1 for w in self.data.values() if w() is not None)

    def get(self, key, default=None):
        try:
            o = self.data[key]()
        except KeyError:
            return default
        return default if o is None else o

    def keys(self):
        return [k for k, w in list(self.data.items()) if w() is not None]

    def __iter__(self):
        return iter(self.keys())

    def values(self):
        return [o for o in (w() for w in list(self.data.values())) if o is not None]

    def items(self):
        out = []
        for k, w in list(self.data.items()):
            o = w()
            if o is not None:
                out.append((k, o))
        return out

    def pop(self, key, *default):
        try:
            o = self.data.pop(key)()
        except KeyError:
            if default:
                return default[0]
            raise
        if o is None:
            if default:
                return default[0]
            raise KeyError(key)
        return o

    def setdefault(self, key, default=None):
        o = self.get(key)
        if o is None:
            self[key] = default
            return default
        return o

    def update(self, other=(), **kw):
        if hasattr(other, "items"):
            other = other.items()
        for k, v in other:
            self[k] = v
        for k, v in kw.items():
            self[k] = v

    def copy(self):
        return WeakValueDictionary(self.items())

    def __repr__(self):
        return "<WeakValueDictionary at %#x>" % id(self)


class WeakKeyDictionary:
    """A mapping whose keys are held weakly: an entry vanishes when its key dies."""

    def __init__(self, other=None):
        self.data = {}
        self_ref = ref(self)

        def remove(k):
            self2 = self_ref()
            if self2 is not None:
                self2.data.pop(k, None)
        self._remove = remove
        if other is not None:
            self.update(other)

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __delitem__(self, key):
        del self.data[ref(key)]

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def __len__(self):
        return len(self.data)

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def keys(self):
        return [k for k in (w() for w in list(self.data)) if k is not None]

    def __iter__(self):
        return iter(self.keys())

    def values(self):
        return [v for w, v in list(self.data.items()) if w() is not None]

    def items(self):
        out = []
        for w, v in list(self.data.items()):
            k = w()
            if k is not None:
                out.append((k, v))
        return out

    def pop(self, key, *default):
        return self.data.pop(ref(key), *default)

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def update(self, other=None, **kw):
        if other is not None:
            if hasattr(other, "items"):
                other = other.items()
            for k, v in other:
                self[k] = v
        for k, v in kw.items():
            self[k] = v

    def __repr__(self):
        return "<WeakKeyDictionary at %#x>" % id(self)


class WeakSet:
    """A set whose elements are held weakly."""

    def __init__(self, data=None):
        self.data = set()
        self_ref = ref(self)

        def remove(item):
            self2 = self_ref()
            if self2 is not None:
                self2.data.discard(item)
        self._remove = remove
        if data is not None:
            for x in data:
                self.add(x)

    def add(self, item):
        self.data.add(ref(item, self._remove))

    def discard(self, item):
        self.data.discard(ref(item))

    def remove(self, item):
        self.data.remove(ref(item))

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data

    def __iter__(self):
        for w in list(self.data):
            o = w()
            if o is not None:
                yield o

    def __len__(self):
        return sum(1 for w in self.data if w() is not None)

    def __repr__(self):
        return "<WeakSet at %#x>" % id(self)


class finalize:
    """Call `func(*args, **kwargs)` when `obj` is garbage collected (at most once)."""

    _registry = {}

    def __init__(self, obj, func, /, *args, **kwargs):
        self._key = object()
        me = ref(self)

        def callback(_wr, key=self._key):
            info = finalize._registry.pop(key, None)
            if info is not None:
                f, a, k = info
                f(*a, **k)
        self._ref = ref(obj, callback)
        finalize._registry[self._key] = (func, args, kwargs)
        self.atexit = True

    def __call__(self, _=None):
        info = finalize._registry.pop(self._key, None)
        if info is not None:
            f, a, k = info
            return f(*a, **k)

    def detach(self):
        info = finalize._registry.pop(self._key, None)
        obj = self._ref()
        if info is not None and obj is not None:
            return (obj,) + info
        return None

    def peek(self):
        info = finalize._registry.get(self._key)
        obj = self._ref()
        if info is not None and obj is not None:
            return (obj,) + info
        return None

    @property
    def alive(self):
        return self._key in finalize._registry

    def __repr__(self):
        obj = self._ref()
        if obj is None:
            return "<finalize object at %#x; dead>" % id(self)
        return "<finalize object at %#x; for %r at %#x>" % (id(self), type(obj).__name__, id(obj))

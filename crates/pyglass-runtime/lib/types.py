"""Names for built-in types, and the parameterized generics `list[int]`
(GenericAlias) and unions `int | None` (UnionType). Written for pyglass."""

import sys


def _f():
    pass


FunctionType = type(_f)
LambdaType = FunctionType
CodeType = type(_f.__code__)
BuiltinFunctionType = type(len)
BuiltinMethodType = BuiltinFunctionType
ModuleType = type(sys)
NoneType = type(None)
EllipsisType = type(...)
NotImplementedType = type(NotImplemented)


def _g():
    yield


GeneratorType = type(_g())


class _C:
    def _m(self):
        pass


MethodType = type(_C()._m)
del _f, _g, _C


class SimpleNamespace:
    def __init__(self, mapping_or_iterable=(), /, **kwargs):
        if isinstance(mapping_or_iterable, dict):
            self.__dict__.update(mapping_or_iterable)
        else:
            for k, v in mapping_or_iterable:
                setattr(self, k, v)
        self.__dict__.update(kwargs)

    def __repr__(self):
        items = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        name = "namespace" if type(self) is SimpleNamespace else type(self).__name__
        return f"{name}({items})"

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented


def _type_repr(obj):
    # How GenericAlias and UnionType show their arguments (CPython's ga_repr_item).
    if obj is ...:
        return "..."
    if obj is NoneType or obj is None:
        return "None"
    if isinstance(obj, type) and not isinstance(obj, GenericAlias):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return f"{obj.__module__}.{obj.__qualname__}"
    return repr(obj)


class GenericAlias:
    """`list[int]`: the origin class with its arguments."""

    def __init__(self, origin, args, /):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = args
        self.__parameters__ = ()

    def __repr__(self):
        if not self.__args__:
            inner = "()"
        else:
            inner = ", ".join(_type_repr(a) for a in self.__args__)
        return f"{_type_repr(self.__origin__)}[{inner}]"

    def __call__(self, *args, **kwargs):
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except Exception:
            pass
        return result

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return getattr(self.__origin__, name)

    def __instancecheck__(self, obj):
        raise TypeError("isinstance() argument 2 cannot be a parameterized generic")

    def __subclasscheck__(self, cls):
        raise TypeError("issubclass() argument 2 cannot be a parameterized generic")


class UnionType:
    """`int | None`."""

    def __init__(self, args):
        self.__args__ = args

    def __repr__(self):
        return " | ".join(_type_repr(a) for a in self.__args__)

    def __eq__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)

    def __instancecheck__(self, obj):
        for a in self.__args__:
            if isinstance(a, GenericAlias):
                raise TypeError("isinstance() argument 2 cannot be a parameterized generic")
        return isinstance(obj, self.__args__)

    def __subclasscheck__(self, cls):
        for a in self.__args__:
            if isinstance(a, GenericAlias):
                raise TypeError("issubclass() argument 2 cannot be a parameterized generic")
        return issubclass(cls, self.__args__)


def _unionable(x):
    return x is None or isinstance(x, (type, GenericAlias, UnionType))


def _union(a, b):
    # CPython's _Py_union_type_or: flatten, drop duplicates, None stands for NoneType.
    if not (_unionable(a) and _unionable(b)):
        return NotImplemented
    args = []
    for x in (a, b):
        parts = x.__args__ if isinstance(x, UnionType) else (x,)
        for p in parts:
            if p is None:
                p = NoneType
            if p not in args:
                args.append(p)
    if len(args) == 1:
        return args[0]
    return UnionType(tuple(args))

"""Type hints support (pyglass): the names of the typing module, enough for annotated
programs to run. Subscripted forms (List[int], Optional[str], Callable[[int], str]...)
are alias objects with CPython's reprs; they are not enforced at run time."""

import collections
import collections.abc as _abc
import _pyglass

__all__ = ["Any", "AnyStr", "Annotated", "Callable", "ClassVar", "Concatenate", "Final",
           "ForwardRef", "Generic", "Literal", "Optional", "ParamSpec", "Protocol", "Tuple",
           "Type", "TypeVar", "TypeVarTuple", "Union", "AbstractSet", "ByteString",
           "Container", "ContextManager", "Hashable", "ItemsView", "Iterable", "Iterator",
           "KeysView", "Mapping", "MappingView", "MutableMapping", "MutableSequence",
           "MutableSet", "Sequence", "Sized", "ValuesView", "Awaitable", "AsyncIterator",
           "AsyncIterable", "Coroutine", "Collection", "AsyncGenerator", "Reversible",
           "SupportsAbs", "SupportsBytes", "SupportsComplex", "SupportsFloat",
           "SupportsIndex", "SupportsInt", "SupportsRound", "ChainMap", "Counter", "Deque",
           "Dict", "DefaultDict", "List", "OrderedDict", "Set", "FrozenSet", "NamedTuple",
           "TypedDict", "Generator", "BinaryIO", "IO", "Match", "Pattern", "TextIO",
           "AnyStr", "assert_never", "assert_type", "cast", "final", "get_args",
           "get_origin", "get_type_hints", "is_typeddict", "LiteralString", "Never",
           "NewType", "no_type_check", "NoReturn", "NotRequired", "overload", "override",
           "ParamSpecArgs", "ParamSpecKwargs", "Required", "reveal_type",
           "runtime_checkable", "Self", "Text", "TYPE_CHECKING", "TypeAlias", "TypeGuard",
           "TypeIs", "Unpack"]

TYPE_CHECKING = False


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return f"{obj.__module__}.{obj.__qualname__}"
    if obj is ...:
        return "..."
    if obj is None or obj is type(None):
        return "None"
    if isinstance(obj, (list, tuple)):
        return "[" + ", ".join(_type_repr(a) for a in obj) + "]"
    if type(obj).__name__ == "function":
        return obj.__name__
    return repr(obj)


class _Final:
    __slots__ = ()


class _SpecialForm(_Final):
    """A typing construct such as Any, Union or Optional."""
    __slots__ = ("_name", "_getitem")

    def __init__(self, name, getitem=None):
        self._name = name
        self._getitem = getitem

    def __repr__(self):
        return "typing." + self._name

    def __getitem__(self, parameters):
        if self._getitem is None:
            raise TypeError(f"{self} is not subscriptable")
        return self._getitem(self, parameters)

    def __call__(self, *args, **kwds):
        raise TypeError(f"Cannot instantiate {self!r}")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError(f"{self} cannot be used with isinstance()")

    def __reduce__(self):
        return self._name


class _GenericAlias(_Final):
    """A subscripted generic: List[int], Dict[str, int], Union[int, str]..."""

    def __init__(self, origin, args, name=None, special_repr=None):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = args
        self._name = name
        self._special_repr = special_repr

    def __repr__(self):
        if self._special_repr is not None:
            return self._special_repr(self)
        name = "typing." + self._name if self._name else _type_repr(self.__origin__)
        if not self.__args__:
            return f"{name}[()]"
        return f"{name}[{', '.join(_type_repr(a) for a in self.__args__)}]"

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __call__(self, *args, **kwargs):
        origin = self.__origin__
        if not callable(origin) or isinstance(origin, _SpecialForm):
            raise TypeError(f"Type {self!r} cannot be instantiated")
        return origin(*args, **kwargs)

    def __getitem__(self, params):
        return self

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __getattr__(self, attr):
        if attr.startswith("__") and attr.endswith("__"):
            raise AttributeError(attr)
        return getattr(self.__origin__, attr)

    def __instancecheck__(self, obj):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")


class _AliasMeta(type):
    """Metaclass of the unsubscripted aliases (List, Dict, Callable...): they are
    classes, so that isinstance(x, List) works, subscriptable into _GenericAlias."""

    def __repr__(cls):
        return "typing." + cls._name

    def __getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        return _GenericAlias(cls.__origin__, params, cls._name)

    def __instancecheck__(cls, obj):
        return isinstance(obj, cls.__origin__)

    def __subclasscheck__(cls, sub):
        return issubclass(sub, cls.__origin__)

    def __or__(cls, other):
        return Union[cls, other]

    def __ror__(cls, other):
        return Union[other, cls]


def _alias_new(cls, *args, **kwargs):
    if not cls._inst:
        raise TypeError(f"Type {cls._name} cannot be instantiated; "
                        f"use {cls.__origin__.__name__}() instead")
    return cls.__origin__(*args, **kwargs)


def _SpecialGenericAlias(origin, nparams, name, inst=True, meta=_AliasMeta):
    return meta(name, (), {"__origin__": origin, "_name": name, "_inst": inst,
                           "_nparams": nparams, "__new__": _alias_new,
                           "__module__": "typing"})


def _union_getitem(self, parameters):
    if parameters == ():
        raise TypeError("Cannot take a Union of no types.")
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    flat = []
    for p in parameters:
        if p is None:
            p = type(None)
        if isinstance(p, _GenericAlias) and p.__origin__ is Union:
            candidates = p.__args__
        else:
            candidates = (p,)
        for c in candidates:
            if c not in flat:
                flat.append(c)
    if len(flat) == 1:
        return flat[0]
    return _GenericAlias(Union, tuple(flat), special_repr=_union_repr)


def _union_repr(alias):
    args = alias.__args__
    if len(args) == 2 and type(None) in args:
        other = args[0] if args[1] is type(None) else args[1]
        return f"typing.Optional[{_type_repr(other)}]"
    return f"typing.Union[{', '.join(_type_repr(a) for a in args)}]"


def _optional_getitem(self, parameters):
    return Union[parameters, type(None)]


def _literal_getitem(self, parameters):
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    return _GenericAlias(self, parameters, special_repr=lambda a: "typing.Literal[" + ", ".join(map(repr, a.__args__)) + "]")


def _wrap_one(self, parameters):
    return _GenericAlias(self, (parameters,), special_repr=lambda a: f"typing.{self._name}[{_type_repr(a.__args__[0])}]")


def _annotated_getitem(self, params):
    if not isinstance(params, tuple) or len(params) < 2:
        raise TypeError("Annotated[...] should be used with at least two arguments (a type and an annotation).")
    origin, metadata = params[0], params[1:]
    alias = _GenericAlias(origin, (origin,), special_repr=lambda a: f"typing.Annotated[{_type_repr(origin)}, {', '.join(map(repr, metadata))}]")
    alias.__metadata__ = metadata
    return alias


def _concat_getitem(self, params):
    return _GenericAlias(self, params if isinstance(params, tuple) else (params,), "Concatenate")


Any = _SpecialForm("Any")
NoReturn = _SpecialForm("NoReturn")
Never = _SpecialForm("Never")
Self = _SpecialForm("Self")
LiteralString = _SpecialForm("LiteralString")
TypeAlias = _SpecialForm("TypeAlias")
Union = _SpecialForm("Union", _union_getitem)
Optional = _SpecialForm("Optional", _optional_getitem)
Literal = _SpecialForm("Literal", _literal_getitem)
ClassVar = _SpecialForm("ClassVar", _wrap_one)
Final = _SpecialForm("Final", _wrap_one)
TypeGuard = _SpecialForm("TypeGuard", _wrap_one)
TypeIs = _SpecialForm("TypeIs", _wrap_one)
Required = _SpecialForm("Required", _wrap_one)
NotRequired = _SpecialForm("NotRequired", _wrap_one)
ReadOnly = _SpecialForm("ReadOnly", _wrap_one)
Unpack = _SpecialForm("Unpack", _wrap_one)
Annotated = _SpecialForm("Annotated", _annotated_getitem)
Concatenate = _SpecialForm("Concatenate", _concat_getitem)


class TypeVar(_Final):
    """Type variable: T = TypeVar('T')."""

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False,
                 infer_variance=False, default=None):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant
        module = _pyglass.caller_module(1)
        if module != "typing":
            self.__module__ = module

    def __repr__(self):
        if self.__covariant__:
            prefix = "+"
        elif self.__contravariant__:
            prefix = "-"
        else:
            prefix = "~"
        return prefix + self.__name__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class ParamSpec(_Final):
    def __init__(self, name, *, bound=None, covariant=False, contravariant=False, default=None):
        self.__name__ = name
        self.args = ParamSpecArgs(self)
        self.kwargs = ParamSpecKwargs(self)

    def __repr__(self):
        return "~" + self.__name__


class ParamSpecArgs(_Final):
    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return f"{self.__origin__.__name__}.args"


class ParamSpecKwargs(_Final):
    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return f"{self.__origin__.__name__}.kwargs"


class TypeVarTuple(_Final):
    def __init__(self, name, *, default=None):
        self.__name__ = name

    def __repr__(self):
        return self.__name__


AnyStr = TypeVar("AnyStr", bytes, str)


class Generic:
    """Base class of generic classes: class Stack(Generic[T])."""
    __slots__ = ()

    def __class_getitem__(cls, params):
        return cls

    def __init_subclass__(cls, /, *args, **kwargs):
        super().__init_subclass__(**kwargs)


class Protocol(Generic):
    """Base class of protocol (structural) classes; isinstance() checks, when the
    protocol is runtime_checkable, look for the protocol's methods."""
    __slots__ = ()
    _is_protocol = True

    def __init_subclass__(cls, /, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not cls.__dict__.get("_is_protocol", False):
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)


def runtime_checkable(cls):
    return cls


class _NamedTupleMeta(type):
    def __new__(mcls, typename, bases, ns):
        if ns.get("_root", False):
            return super().__new__(mcls, typename, bases, ns)
        types = ns.get("__annotations__", {})
        field_names = list(types)
        defaults = []
        for name in field_names:
            if name in ns:
                defaults.append(ns[name])
            elif defaults:
                raise TypeError(f"Non-default namedtuple field {name} "
                                f"cannot follow default field{'s' if len(defaults) > 1 else ''} "
                                f"{', '.join(field_names[:len(defaults)])}")
        nm_tpl = collections.namedtuple(typename, field_names, defaults=defaults,
                                        module=ns.get("__module__", "__main__"))
        nm_tpl.__annotations__ = dict(types)
        for key, val in ns.items():
            if key in ("__module__", "__qualname__", "__annotations__", "_root", "__doc__"):
                continue
            if key in field_names:
                continue
            if key in ("__new__", "__init__", "__slots__", "__getnewargs__", "_fields",
                       "_field_defaults", "_make", "_replace", "_asdict", "_source"):
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            setattr(nm_tpl, key, val)
        return nm_tpl


class NamedTuple(metaclass=_NamedTupleMeta):
    """Typed version of namedtuple: class Point(NamedTuple): x: int; y: int = 0."""
    _root = True

    def __new__(cls, typename, fields=None, /, **kwargs):
        if fields is None:
            fields = kwargs.items()
        fields = list(fields)
        nt = collections.namedtuple(typename, [n for n, t in fields],
                                    module=_pyglass.caller_module(1))
        nt.__annotations__ = dict(fields)
        return nt


class _TypedDictMeta(type):
    def __new__(mcls, name, bases, ns, total=True):
        if ns.get("_root", False):
            return super().__new__(mcls, name, bases, ns)
        annotations = {}
        for base in bases:
            annotations.update(getattr(base, "__annotations__", {}))
        annotations.update(ns.get("__annotations__", {}))
        ns = dict(ns)
        ns["__annotations__"] = annotations
        ns["__total__"] = total
        ns["__required_keys__"] = frozenset(annotations) if total else frozenset()
        ns["__optional_keys__"] = frozenset() if total else frozenset(annotations)
        return super().__new__(mcls, name, (dict,), ns)


class TypedDict(metaclass=_TypedDictMeta):
    """A dict with a fixed set of typed keys (not checked at run time)."""
    _root = True

    def __new__(cls, typename=None, fields=None, /, *, total=True, **kwargs):
        return _TypedDictMeta(typename, (), {"__annotations__": dict(fields or {})}, total=total)


def is_typeddict(tp):
    return isinstance(tp, _TypedDictMeta)


class NewType:
    """NewType('UserId', int): a distinct name for a type (the identity at run time)."""

    def __init__(self, name, tp):
        self.__qualname__ = name
        if "." in name:
            name = name.rpartition(".")[-1]
        self.__name__ = name
        self.__supertype__ = tp
        self.__module__ = _pyglass.caller_module(1)

    def __repr__(self):
        return f"{self.__module__}.{self.__qualname__}"

    def __call__(self, x):
        return x

    def __or__(self, other):
        return Union[self, other]


class ForwardRef(_Final):
    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        self.__forward_arg__ = arg

    def __repr__(self):
        return f"ForwardRef({self.__forward_arg__!r})"


def cast(typ, val):
    """Return val unchanged (a hint for type checkers)."""
    return val


def assert_type(val, typ, /):
    return val


def assert_never(arg, /):
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + "..."
    raise AssertionError(f"Expected code to be unreachable, but got: {value}")


def reveal_type(obj, /):
    import sys
    print(f"Runtime type is {type(obj).__name__!r}", file=sys.stderr)
    return obj


def overload(func):
    return func


def override(method, /):
    try:
        method.__override__ = True
    except (AttributeError, TypeError):
        pass
    return method


def final(f):
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    return arg


def get_origin(tp):
    if isinstance(tp, (_GenericAlias, _AliasMeta)):
        origin = tp.__origin__
        return origin
    if tp is Generic:
        return Generic
    return None


def get_args(tp):
    if isinstance(tp, _GenericAlias):
        return tp.__args__
    return ()


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """The annotations of a function, method, module or class (with its bases)."""
    if isinstance(obj, type):
        hints = {}
        for base in reversed(obj.__mro__):
            hints.update(base.__dict__.get("__annotations__", {}))
        return hints
    hints = dict(getattr(obj, "__annotations__", None) or {})
    for k, v in hints.items():
        if v is None:
            hints[k] = type(None)
    return hints


# Aliases of the collection classes.
Hashable = _abc.Hashable
Sized = _abc.Sized
Awaitable = _SpecialGenericAlias(_abc.Awaitable, 1, "Awaitable")
Coroutine = _SpecialGenericAlias(_abc.Coroutine, 3, "Coroutine")
AsyncIterable = _SpecialGenericAlias(_abc.AsyncIterable, 1, "AsyncIterable")
AsyncIterator = _SpecialGenericAlias(_abc.AsyncIterator, 1, "AsyncIterator")
Iterable = _SpecialGenericAlias(_abc.Iterable, 1, "Iterable")
Iterator = _SpecialGenericAlias(_abc.Iterator, 1, "Iterator")
Reversible = _SpecialGenericAlias(_abc.Reversible, 1, "Reversible")
Container = _SpecialGenericAlias(_abc.Container, 1, "Container")
Collection = _SpecialGenericAlias(_abc.Collection, 1, "Collection")
Callable = _SpecialGenericAlias(_abc.Callable, 2, "Callable")
AbstractSet = _SpecialGenericAlias(_abc.Set, 1, "AbstractSet")
MutableSet = _SpecialGenericAlias(_abc.MutableSet, 1, "MutableSet")
Mapping = _SpecialGenericAlias(_abc.Mapping, 2, "Mapping")
MutableMapping = _SpecialGenericAlias(_abc.MutableMapping, 2, "MutableMapping")
Sequence = _SpecialGenericAlias(_abc.Sequence, 1, "Sequence")
MutableSequence = _SpecialGenericAlias(_abc.MutableSequence, 1, "MutableSequence")
ByteString = _SpecialGenericAlias(_abc.ByteString, 0, "ByteString")
Tuple = _SpecialGenericAlias(tuple, -1, "Tuple", inst=False)
List = _SpecialGenericAlias(list, 1, "List", inst=False)
Deque = _SpecialGenericAlias(collections.deque, 1, "Deque")
Set = _SpecialGenericAlias(set, 1, "Set", inst=False)
FrozenSet = _SpecialGenericAlias(frozenset, 1, "FrozenSet", inst=False)
MappingView = _SpecialGenericAlias(_abc.MappingView, 1, "MappingView")
KeysView = _SpecialGenericAlias(_abc.KeysView, 1, "KeysView")
ItemsView = _SpecialGenericAlias(_abc.ItemsView, 2, "ItemsView")
ValuesView = _SpecialGenericAlias(_abc.ValuesView, 1, "ValuesView")
Dict = _SpecialGenericAlias(dict, 2, "Dict", inst=False)
DefaultDict = _SpecialGenericAlias(collections.defaultdict, 2, "DefaultDict")
OrderedDict = _SpecialGenericAlias(collections.OrderedDict, 2, "OrderedDict")
Counter = _SpecialGenericAlias(collections.Counter, 1, "Counter")
ChainMap = _SpecialGenericAlias(collections.ChainMap, 2, "ChainMap")
Generator = _SpecialGenericAlias(_abc.Generator, 3, "Generator")
AsyncGenerator = _SpecialGenericAlias(_abc.AsyncGenerator, 2, "AsyncGenerator")
Type = _SpecialGenericAlias(type, 1, "Type", inst=False)
ContextManager = _SpecialGenericAlias(object, 1, "ContextManager")
AsyncContextManager = _SpecialGenericAlias(object, 1, "AsyncContextManager")
Pattern = _SpecialGenericAlias(object, 1, "Pattern")
Match = _SpecialGenericAlias(object, 1, "Match")
Text = str


def _callable_repr(alias):
    args = alias.__args__
    if len(args) == 2 and (isinstance(args[0], list) or args[0] is ...):
        params = "..." if args[0] is ... else "[" + ", ".join(_type_repr(a) for a in args[0]) + "]"
        return f"typing.Callable[{params}, {_type_repr(args[1])}]"
    return f"typing.Callable[{', '.join(_type_repr(a) for a in args)}]"


def _callable_getitem(params):
    if not isinstance(params, tuple) or len(params) != 2:
        raise TypeError("Callable must be used as Callable[[arg, ...], result].")
    return _GenericAlias(_abc.Callable, params, "Callable", special_repr=_callable_repr)


class _CallableMeta(_AliasMeta):
    def __getitem__(cls, params):
        return _callable_getitem(params)


Callable = _SpecialGenericAlias(_abc.Callable, 2, "Callable", meta=_CallableMeta)


class SupportsInt(Protocol):
    __slots__ = ()


class SupportsFloat(Protocol):
    __slots__ = ()


class SupportsComplex(Protocol):
    __slots__ = ()


class SupportsBytes(Protocol):
    __slots__ = ()


class SupportsIndex(Protocol):
    __slots__ = ()


class SupportsAbs(Protocol):
    __slots__ = ()


class SupportsRound(Protocol):
    __slots__ = ()


class IO(Generic):
    __slots__ = ()


class BinaryIO(IO):
    __slots__ = ()


class TextIO(IO):
    __slots__ = ()

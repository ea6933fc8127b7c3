"""Shallow and deep copy operations (pyglass).

copy(x) and deepcopy(x[, memo]); classes customise them with __copy__ / __deepcopy__,
__reduce__ / __reduce_ex__, __getstate__ / __setstate__. deepcopy keeps shared
references shared and copies cycles (the memo dict maps id(original) -> copy).
"""

__all__ = ["Error", "copy", "deepcopy", "replace"]


class Error(Exception):
    pass

error = Error

_atomic = (type(None), int, float, bool, complex, str, bytes, type, range, slice,
           type(Ellipsis), type(NotImplemented), frozenset)


def _is_atomic(x):
    cls = type(x)
    if cls in _atomic:
        return True
    # Functions, built-in functions, classes, modules, code: shared, never copied.
    name = cls.__name__
    return name in ("function", "builtin_function_or_method", "module", "code",
                    "method_descriptor", "property", "weakref", "ReferenceType")


def _user_defined(cls, name):
    for klass in cls.__mro__:
        if klass is object:
            return None
        d = klass.__dict__
        if name in d:
            return d[name]
    return None


def _reduce(x):
    cls = type(x)
    reductor = _user_defined(cls, "__reduce_ex__")
    if reductor is not None:
        return reductor(x, 4)
    reductor = _user_defined(cls, "__reduce__")
    if reductor is not None:
        return reductor(x)
    return None


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    if _is_atomic(x):
        return x
    if cls is list:
        return x[:]
    if cls is dict:
        return x.copy()
    if cls is set:
        return x.copy()
    if cls is tuple:
        return x
    if cls is bytearray:
        return bytearray(x)
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    rv = _reduce(x)
    if isinstance(rv, str):
        return x
    if rv is not None:
        return _reconstruct(x, None, *rv)
    return _copy_instance(x, None)


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if _is_atomic(x):
        return x
    if cls is list:
        y = []
        memo[d] = y
        append = y.append
        for a in x:
            append(deepcopy(a, memo))
    elif cls is tuple:
        items = [deepcopy(a, memo) for a in x]
        # A cycle through the tuple may already have produced its copy.
        if d in memo:
            return memo[d]
        for a, b in zip(x, items):
            if a is not b:
                y = tuple(items)
                break
        else:
            y = x
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set:
        y = set()
        memo[d] = y
        for a in x:
            y.add(deepcopy(a, memo))
    elif cls is bytearray:
        y = bytearray(x)
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None and not isinstance(x, type):
            y = copier(memo)
        else:
            rv = _reduce(x)
            if isinstance(rv, str):
                y = x
            elif rv is not None:
                y = _reconstruct(x, memo, *rv)
            else:
                y = _copy_instance(x, memo)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _slot_names(cls):
    names = []
    for klass in cls.__mro__:
        slots = klass.__dict__.get("__slots__")
        if slots is None:
            continue
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name in ("__dict__", "__weakref__"):
                continue
            if name.startswith("__") and not name.endswith("__"):
                name = f"_{klass.__name__.lstrip('_')}{name}"
            names.append(name)
    return names


def _copy_instance(x, memo):
    """Copy an instance by creating a bare one and transferring its state."""
    deep = memo is not None
    cls = type(x)
    if isinstance(x, tuple):
        getnewargs = getattr(x, "__getnewargs__", None)
        args = getnewargs() if getnewargs is not None else (tuple(x),)
        if deep:
            args = deepcopy(args, memo)
        y = cls.__new__(cls, *args)
    else:
        y = cls.__new__(cls)
    if deep:
        memo[id(x)] = y
    getstate = _user_defined(cls, "__getstate__")
    if getstate is not None:
        state = getstate(x)
    else:
        state = getattr(x, "__dict__", None)
        slots = {}
        for name in _slot_names(cls):
            try:
                slots[name] = getattr(x, name)
            except AttributeError:
                pass
        if slots:
            state = (state, slots)
    if state:
        if deep:
            state = deepcopy(state, memo)
        _set_state(y, state)
    if isinstance(x, list):
        y.extend(deepcopy(a, memo) for a in x) if deep else y.extend(x)
    elif isinstance(x, dict):
        for k, v in x.items():
            if deep:
                y[deepcopy(k, memo)] = deepcopy(v, memo)
            else:
                y[k] = v
    elif isinstance(x, set):
        y.update(deepcopy(a, memo) for a in x) if deep else y.update(x)
    return y


def _set_state(y, state):
    setstate = _user_defined(type(y), "__setstate__")
    if setstate is not None:
        setstate(y, state)
        return
    slotstate = None
    if isinstance(state, tuple) and len(state) == 2:
        state, slotstate = state
    if state:
        y.__dict__.update(state)
    if slotstate:
        for key, value in slotstate.items():
            setattr(y, key, value)


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None, *rest):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        _set_state(y, state)
    if listiter is not None:
        if deep:
            for item in listiter:
                y.append(deepcopy(item, memo))
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                y[deepcopy(key, memo)] = deepcopy(value, memo)
        else:
            for key, value in dictiter:
                y[key] = value
    return y


def replace(obj, /, **changes):
    """A new object like obj with the given fields changed (__replace__ protocol)."""
    cls = obj.__class__
    func = getattr(cls, "__replace__", None)
    if func is None:
        raise TypeError(f"replace() does not support {cls.__name__} objects")
    return func(obj, **changes)

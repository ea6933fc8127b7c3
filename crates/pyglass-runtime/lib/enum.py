"""Enumerations (pyglass): Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique.

Members are instances of their enum class, created when the class is defined; the
metaclass makes the class iterable, indexable by name and callable by value.
"""

__all__ = ["EnumType", "EnumMeta", "Enum", "IntEnum", "StrEnum", "Flag", "IntFlag",
           "ReprEnum", "auto", "unique", "property", "verify", "member", "nonmember",
           "global_enum", "EnumCheck", "CONTINUOUS", "NAMED_FLAGS", "UNIQUE"]

_builtin_property = property


class auto:
    """Placeholder for an automatically chosen member value."""
    _counter = 0

    def __init__(self, value=None):
        self.value = value
        auto._counter += 1
        self._order = auto._counter

    def __repr__(self):
        return "auto(%r)" % (self.value,)


class member:
    """Force an attribute to become a member."""

    def __init__(self, value):
        self.value = value


class nonmember:
    """Protect an attribute from becoming a member."""

    def __init__(self, value):
        self.value = value


property = _builtin_property


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == "__" and name[2] != "_" and name[-3] != "_"


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == "_" and name[1] != "_" and name[-2] != "_"


def _is_descriptor(obj):
    return (hasattr(obj, "__get__") or hasattr(obj, "__set__") or hasattr(obj, "__delete__"))


def _is_private(cls_name, name):
    pattern = f"_{cls_name.lstrip('_')}__"
    return name.startswith(pattern) and not name.endswith("__")


class EnumType(type):
    """Metaclass of Enum: the class is a container of its members."""

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        member_names = []
        member_values = {}
        ns = {}
        for key, value in classdict.items():
            if isinstance(value, nonmember):
                ns[key] = value.value
                continue
            if isinstance(value, member):
                member_names.append(key)
                member_values[key] = value.value
                continue
            if (_is_dunder(key) or _is_sunder(key) or _is_private(cls, key)
                    or _is_descriptor(value) or isinstance(value, type)):
                ns[key] = value
                continue
            member_names.append(key)
            member_values[key] = value
        ns["_member_names_"] = []
        ns["_member_map_"] = {}
        ns["_value2member_map_"] = {}
        ns["_unhashable_values_"] = []
        enum_class = super().__new__(metacls, cls, bases, ns, **kwds)

        # The data type mixed in (int for IntEnum, str for StrEnum), if any.
        member_type = object
        for base in enum_class.__mro__[1:]:
            if base is object or isinstance(base, EnumType):
                continue
            member_type = base
            break
        enum_class._member_type_ = member_type
        # repr() and friends come from the enum base, not from the mixed-in data type.
        first_enum = None
        for base in reversed(bases):
            if isinstance(base, EnumType):
                first_enum = base
                break
        if first_enum is not None and member_type is not object:
            for name in ("__repr__", "__str__", "__format__"):
                if name in classdict:
                    continue
                found = getattr(enum_class, name)
                if found is getattr(member_type, name) or found is getattr(object, name):
                    type.__setattr__(enum_class, name, getattr(first_enum, name))
        is_flag = any(getattr(b, "_is_flag_", False) for b in enum_class.__mro__)
        enum_class._is_flag_ = is_flag

        last_values = []
        for name in member_names:
            value = member_values[name]
            if isinstance(value, auto):
                if value.value is None:
                    value = enum_class._generate_next_value_(name, 1, len(last_values), last_values[:])
                else:
                    value = value.value
            elif isinstance(value, tuple) and any(isinstance(v, auto) for v in value):
                value = tuple(enum_class._generate_next_value_(name, 1, len(last_values), last_values[:])
                              if isinstance(v, auto) else v for v in value)
            last_values.append(value)
            enum_class._add_member_(name, value)
        if is_flag:
            all_bits = 0
            for m in enum_class._member_map_.values():
                if isinstance(m._value_, int):
                    all_bits |= m._value_
            enum_class._flag_mask_ = all_bits
        return enum_class

    def _add_member_(cls, name, value):
        member_type = cls._member_type_
        args = value if isinstance(value, tuple) else (value,)
        new = cls.__dict__.get("_new_member_")
        if "__new__" in cls.__dict__ and cls.__dict__["__new__"] is not None and \
                getattr(cls.__dict__["__new__"], "__func__", None) is not Enum.__dict__["__new__"].__func__:
            custom = cls.__dict__["__new__"]
            enum_member = getattr(custom, "__func__", custom)(cls, *args)
            if not hasattr(enum_member, "_value_"):
                enum_member._value_ = value if member_type is object else member_type(*args)
        elif member_type is object:
            enum_member = object.__new__(cls)
            enum_member._value_ = value
        else:
            enum_member = member_type.__new__(cls, *args)
            enum_member._value_ = member_type(*args) if not isinstance(value, member_type) or type(value) is not member_type else value
        enum_member._name_ = name
        enum_member._sort_order_ = len(cls._member_names_)
        init = getattr(cls, "__init__", None)
        if init is not None and init is not Enum.__init__ and init is not object.__init__:
            init(enum_member, *args)
        # An alias when the value is already taken.
        value = enum_member._value_
        for existing in cls._member_map_.values():
            if existing._value_ is value or existing._value_ == value:
                enum_member = existing
                break
        else:
            cls._member_names_.append(name)
        cls._member_map_[name] = enum_member
        try:
            cls._value2member_map_.setdefault(value, enum_member)
        except TypeError:
            cls._unhashable_values_.append(value)
        type.__setattr__(cls, name, enum_member)

    def __bool__(cls):
        return True

    def __contains__(cls, value):
        if isinstance(value, cls):
            return True
        try:
            return value in cls._value2member_map_
        except TypeError:
            return value in cls._unhashable_values_

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError(f"{cls.__name__!r} cannot delete member {attr!r}.")
        super().__delattr__(attr)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    @_builtin_property
    def __members__(cls):
        return dict(cls._member_map_)

    def __repr__(cls):
        if getattr(cls, "_is_flag_", False) and cls.__name__ in ("Flag", "IntFlag"):
            return f"<flag {cls.__name__!r}>"
        if getattr(cls, "_is_flag_", False):
            return f"<flag {cls.__name__!r}>"
        return f"<enum {cls.__name__!r}>"

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get("_member_map_", {})
        if name in member_map:
            raise AttributeError(f"cannot reassign member {name!r}")
        super().__setattr__(name, value)

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1, boundary=None):
        bases = (cls,) if type is None else (type, cls)
        classdict = {}
        if isinstance(names, str):
            names = names.replace(",", " ").split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            original, names = names, []
            last_values = []
            for count, name in enumerate(original):
                value = cls._generate_next_value_(name, start, count, last_values[:])
                last_values.append(value)
                names.append((name, value))
        if isinstance(names, dict):
            names = list(names.items())
        for item in names or ():
            if isinstance(item, str):
                member_name, member_value = item, names[item]
            else:
                member_name, member_value = item
            classdict[member_name] = member_value
        enum_class = EnumType.__new__(EnumType, class_name, bases, classdict)
        if module is None:
            import _pyglass
            module = _pyglass.caller_module(2)
        if module is not None:
            type.__setattr__(enum_class, "__module__", module) if False else setattr(enum_class, "__module__", module)
        if qualname is not None:
            enum_class.__qualname__ = qualname
        return enum_class


EnumMeta = EnumType


class Enum(metaclass=EnumType):
    """Base class of enumerations: subclass it and list the members as class
    attributes."""

    def __new__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1, boundary=None):
        if names is not None:
            return cls._create_(value, names, module=module, qualname=qualname, type=type, start=start)
        if isinstance(value, cls) and type is None:
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            for m in cls._member_map_.values():
                if m._value_ == value:
                    return m
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if getattr(cls, "_is_flag_", False) and isinstance(value, int):
            return cls._flag_pseudo_member_(value)
        if result is None:
            raise ValueError(f"{value!r} is not a valid {cls.__qualname__}")
        raise TypeError(f"error in {cls.__name__}._missing_: returned {result!r} instead of None or a valid member")

    def __init__(self, *args, **kwds):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        last = last_values[-1]
        try:
            return last + 1
        except TypeError:
            raise TypeError(f"unable to sort non-numeric values: {last!r}") from None

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        v_repr = self.__class__._value_repr_ if "_value_repr_" in type(self).__dict__ else repr
        return f"<{self.__class__.__name__}.{self._name_}: {v_repr(self._value_)}>"

    def __str__(self):
        return f"{self.__class__.__name__}.{self._name_}"

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __dir__(self):
        return ["__class__", "__doc__", "__module__", "name", "value"]

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @_builtin_property
    def name(self):
        """The name of the Enum member."""
        return self._name_

    @_builtin_property
    def value(self):
        """The value of the Enum member."""
        return self._value_


class ReprEnum(Enum):
    """An enum whose str() and format() are those of the mixed-in type."""


class IntEnum(int, ReprEnum):
    """Enum whose members are also ints."""

    def __str__(self):
        return int.__repr__(self)

    def __format__(self, format_spec):
        return int.__format__(int(self), format_spec)

    __hash__ = int.__hash__


class StrEnum(str, ReprEnum):
    """Enum whose members are also strs."""

    def __new__(cls, *values):
        if len(values) == 1 and isinstance(values[0], cls):
            return values[0]
        return Enum.__new__(cls, *values)

    def __str__(self):
        return str.__str__(self)

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    __hash__ = str.__hash__

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


def _high_bit(value):
    return value.bit_length() - 1


class Flag(Enum):
    """Enum whose members can be combined with the bitwise operators."""
    _is_flag_ = True

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last = max(last_values)
        return 2 ** (_high_bit(last) + 1)

    @classmethod
    def _flag_pseudo_member_(cls, value):
        pseudo = cls._value2member_map_.get(value)
        if pseudo is not None:
            return pseudo
        if cls._member_type_ is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = cls._member_type_.__new__(cls, value)
        pseudo._value_ = value
        names = [m._name_ for m in cls._iter_bits_(value)]
        known = 0
        for m in cls._iter_bits_(value):
            known |= m._value_
        if known == value and names:
            pseudo._name_ = "|".join(names)
        else:
            pseudo._name_ = None if not names else "|".join(names)
        cls._value2member_map_[value] = pseudo
        return pseudo

    @classmethod
    def _iter_bits_(cls, value):
        for name in cls._member_names_:
            m = cls._member_map_[name]
            v = m._value_
            if v and v & (v - 1) == 0 and v & value == v:
                yield m

    def __iter__(self):
        return iter(list(type(self)._iter_bits_(self._value_)))

    def __len__(self):
        return len(list(type(self)._iter_bits_(self._value_)))

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError(
                f"unsupported operand type(s) for 'in': {type(other).__qualname__!r} "
                f"and {self.__class__.__qualname__!r}")
        return other._value_ & self._value_ == other._value_

    def __bool__(self):
        return bool(self._value_)

    def __repr__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return f"<{cls_name}: {self._value_!r}>"
        return f"<{cls_name}.{self._name_}: {self._value_!r}>"

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return f"{cls_name}({self._value_!r})"
        return f"{cls_name}.{self._name_}"

    def _get_value(self, flag):
        if isinstance(flag, self.__class__):
            return flag._value_
        if self._member_type_ is not object and isinstance(flag, self._member_type_):
            return flag
        return NotImplemented

    def __or__(self, other):
        v = self._get_value(other)
        if v is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ | v)

    def __and__(self, other):
        v = self._get_value(other)
        if v is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ & v)

    def __xor__(self, other):
        v = self._get_value(other)
        if v is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ ^ v)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        mask = getattr(self.__class__, "_flag_mask_", 0)
        return self.__class__(mask & ~self._value_)


class IntFlag(int, ReprEnum, Flag):
    """Flag whose members are also ints."""
    _is_flag_ = True

    def __str__(self):
        return int.__repr__(self)

    def __format__(self, format_spec):
        return int.__format__(int(self), format_spec)

    __hash__ = int.__hash__
    __or__ = Flag.__or__
    __and__ = Flag.__and__
    __xor__ = Flag.__xor__
    __ror__ = Flag.__ror__
    __rand__ = Flag.__rand__
    __rxor__ = Flag.__rxor__
    __invert__ = Flag.__invert__

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, int):
            return cls._flag_pseudo_member_(value)
        return None


def unique(enumeration):
    """Class decorator: refuse aliases (members with the same value)."""
    duplicates = []
    for name, m in enumeration.__members__.items():
        if name != m.name:
            duplicates.append((name, m.name))
    if duplicates:
        alias_details = ", ".join(f"{alias} -> {name}" for (alias, name) in duplicates)
        raise ValueError(f"duplicate values found in {enumeration!r}: {alias_details}")
    return enumeration


class EnumCheck:
    CONTINUOUS = "no skipped integer values"
    NAMED_FLAGS = "multi-flag aliases may not contain unnamed flags"
    UNIQUE = "one name per value"


CONTINUOUS = EnumCheck.CONTINUOUS
NAMED_FLAGS = EnumCheck.NAMED_FLAGS
UNIQUE = EnumCheck.UNIQUE


class verify:
    def __init__(self, *checks):
        self.checks = checks

    def __call__(self, enumeration):
        if UNIQUE in self.checks:
            unique(enumeration)
        return enumeration


def global_enum(cls, update_str=False):
    import sys
    g = sys.modules[cls.__module__].__dict__
    g.update(cls.__members__)
    return cls

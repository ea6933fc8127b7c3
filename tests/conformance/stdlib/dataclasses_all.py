# dataclasses: generated __init__/__repr__/__eq__, order, frozen, fields, asdict, replace.
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass, FrozenInstanceError, KW_ONLY
@dataclass
class P:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)
p = P(1); print(p, p == P(1), p == P(2), P(1, 2, ['a']), P.__init__.__qualname__)
print(fields(P)[0].name, [f.name for f in fields(p)], asdict(p), astuple(P(1, 2, [3])), replace(p, y=5), is_dataclass(p), is_dataclass(P), is_dataclass(1))
try: P()
except TypeError as e: print(e)
try: P(1, 2, 3, 4)
except TypeError as e: print(e)
@dataclass(order=True, frozen=True)
class V:
    a: int
    b: str = 'z'
print(V(1) < V(2), V(1, 'a') <= V(1, 'b'), sorted([V(3), V(1), V(2)]), hash(V(1)) == hash(V(1)), V(1) == V(1))
try: V(1).a = 5
except FrozenInstanceError as e: print(type(e).__name__, e, isinstance(e, AttributeError))
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e: print(e)
try:
    @dataclass
    class Bad2:
        a: list = []
except ValueError as e: print(e)
@dataclass
class Q:
    n: int
    def __post_init__(self): self.double = self.n * 2
q = Q(4); print(q, q.double, P.__hash__, V.__match_args__)
@dataclass(repr=False, eq=False)
class R:
    a: int
print(R(1) == R(1), repr(R(1)).startswith('<__main__.R object'))
@dataclass
class S(P):
    z: int = 9
print(S(1), [f.name for f in fields(S)])
@dataclass
class K:
    a: int
    _: KW_ONLY
    b: int = 2
    c: int = field(default=3, repr=False)
print(K(1, b=5), K.c if hasattr(K, 'c') else None)
try: K(1, 2)
except TypeError as e: print(e)
@dataclass(kw_only=True)
class KO:
    a: int
print(KO(a=1))
@dataclass
class Nested:
    p: P
    items: list
print(asdict(Nested(P(1), [P(2), {'k': P(3)}])))
@dataclass
class Cls:
    x: int = field(init=False, default=7)
    y: int = 1
print(Cls(), Cls(y=2))
print(repr(field(default=1)).startswith('Field('))
@dataclass
class E: pass
print(E(), E() == E())
@dataclass(unsafe_hash=True)
class H:
    a: int
print(H(1) == H(1), {H(1): "x"}[H(1)], type(hash(H(2))).__name__)
from dataclasses import make_dataclass, InitVar
import dataclasses


@dataclass
class WithInit:
    a: int
    scale: InitVar[int] = 2

    def __post_init__(self, scale):
        self.a *= scale


print(WithInit(3), WithInit(3, 10), [f.name for f in fields(WithInit)])
M = make_dataclass("M", [("x", int), ("y", int, field(default=5))])
print(M(1), M(1, 2) == M(1, 2))
try:
    replace(Cls(), x=1)
except (ValueError, TypeError) as e:
    print(e)
try:
    asdict(5)
except TypeError as e:
    print(e)


@dataclass(frozen=True)
class Pt:
    x: int
    y: int


s = {Pt(1, 2), Pt(1, 2), Pt(2, 1)}
print(len(s), Pt(1, 2) in s)
try:
    del Pt(1, 2).x
except dataclasses.FrozenInstanceError as e:
    print(e)


@dataclass
class Inv:
    name: str
    qty: int = 0
    price: float = 0.0

    def total(self):
        return self.qty * self.price


items = [Inv("b", 2, 1.5), Inv("a", 1, 10.0)]
print(sorted(items, key=lambda i: i.name), sum(i.total() for i in items))
print(dataclasses.astuple(items[0]), dataclasses.is_dataclass(Inv), Inv.__dataclass_params__.__class__.__name__)

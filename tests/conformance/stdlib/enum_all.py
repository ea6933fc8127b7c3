# enum: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique, the functional API.
from enum import Enum, IntEnum, auto, unique, Flag, IntFlag, StrEnum
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
    def describe(self): return f"{self.name}={self.value}"
    @property
    def lower(self): return self.name.lower()
print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value, Color(2), Color['BLUE'], Color.CRIMSON is Color.RED)
print(list(Color), len(Color), Color.RED in Color, 1 in Color, Color.GREEN.describe(), Color.BLUE.lower, type(Color.RED), Color)
print(f"{Color.RED}", str(Color.GREEN), format(Color.BLUE), Color.RED == 1, Color.RED == Color.RED, Color.RED is Color(1), hash(Color.RED) == hash(Color.RED))
print(list(Color.__members__), {c: c.value for c in Color}, sorted(Color, key=lambda c: c.value, reverse=True))
for bad in [lambda: Color(9), lambda: Color['NOPE']]:
    try: bad()
    except (ValueError, KeyError) as e: print(type(e).__name__, e)
try: Color.RED = 5
except AttributeError as e: print(e)
class Pri(IntEnum):
    LOW = auto()
    MID = auto()
    HIGH = auto()
print(Pri.LOW, repr(Pri.MID), Pri.HIGH + 1, Pri.LOW < Pri.HIGH, Pri(2), sorted([Pri.HIGH, Pri.LOW]), Pri.MID == 2, f"{Pri.HIGH}", int(Pri.MID), isinstance(Pri.LOW, int))
class A(Enum):
    X = auto()
    Y = auto()
print(A.X.value, A.Y.value, list(A))
try:
    @unique
    class U(Enum):
        A = 1
        B = 1
except ValueError as e: print(e)
class Perm(Flag):
    R = 4
    W = 2
    X = 1
rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw, bool(Perm.R & Perm.X), rw.value, list(rw), Perm(6))
class S(StrEnum):
    A = auto()
    B = 'bee'
print(S.A, S.B, S.A == 'a', repr(S.B), S('bee'))
Animal = Enum('Animal', 'ANT BEE CAT')
print(list(Animal), Animal.BEE.value)
class IP(IntFlag):
    A = 1
    B = 2
print(IP.A | IP.B, repr(IP.A | IP.B), IP.A | 4)
print(Color.RED.__class__.__name__, isinstance(Color.RED, Enum), issubclass(Color, Enum))
class Planet(Enum):
    EARTH = (5.97e24, 6.37e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
print(Planet.EARTH.mass, Planet.EARTH.value)


class Weekday(Enum):
    MON = 1
    TUE = 2

    @classmethod
    def first(cls):
        return cls.MON

    def next(self):
        members = list(type(self))
        return members[(members.index(self) + 1) % len(members)]


print(Weekday.first(), Weekday.MON.next(), Weekday.TUE.next(), Weekday.MON < Weekday.TUE if False else "no order")
try:
    Weekday.MON < Weekday.TUE
except TypeError as e:
    print("TypeError:", e)
d = {Color.RED: "r", Color.GREEN: "g"}
print(d[Color.RED], Color.RED in d, sorted(c.name for c in Color))
match_val = Color(3)
if match_val is Color.BLUE:
    print("blue!")
print(Pri.HIGH.name, Pri["LOW"].value, [p.name for p in Pri], Pri.__members__.keys() == {"LOW", "MID", "HIGH"})

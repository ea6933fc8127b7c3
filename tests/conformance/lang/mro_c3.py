# C3 method resolution order, including inconsistent hierarchies.
class O: pass
class A(O): pass
class B(O): pass
class C(O): pass
class D(O): pass
class E(O): pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass

def names(cls):
    return [k.__name__ for k in cls.__mro__]

for k in (A, K1, K2, K3, Z):
    print(k.__name__, names(k))
print(Z.mro() == list(Z.__mro__))
print(type(Z.__mro__).__name__, type(Z.mro()).__name__)
print(Z.__bases__ == (K1, K2, K3), Z.__base__ is K1)
print(object.__mro__, object.__bases__, object.__base__)
print(bool.__mro__)
print(int.__bases__, type.__bases__, type.__mro__)

class X: pass
class Y(X): pass
try:
    class Bad(X, Y): pass
except TypeError as e:
    print(type(e).__name__, e)

try:
    class Bad2(A, A): pass
except TypeError as e:
    print(type(e).__name__, e)

class P: pass
class Q: pass
class PQ(P, Q): pass
class QP(Q, P): pass
try:
    class Mixed(PQ, QP): pass
except TypeError as e:
    print(type(e).__name__, e)

# diamond
class Base:
    def who(self): return "Base"
class Left(Base):
    def who(self): return "Left>" + super().who()
class Right(Base):
    def who(self): return "Right>" + super().who()
class Bottom(Left, Right):
    def who(self): return "Bottom>" + super().who()
print(Bottom().who())
print(names(Bottom))
print(issubclass(Bottom, Base), issubclass(Base, Bottom), issubclass(Bottom, (int, Right)))

# attribute lookup follows the MRO
class M1: x = 1
class M2: x = 2; y = 20
class M3(M1, M2): pass
print(M3.x, M3.y)

try:
    class BadBase(1): pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class BadBool(bool): pass
except TypeError as e:
    print(type(e).__name__, e)

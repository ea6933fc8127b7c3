# sys.getsizeof of instances with 0, 3 and 31 attributes, before and after __dict__.
import sys

class A:
    pass

class T:
    def __init__(self):
        self.x = 1
        self.y = 2
        self.z = 3

a = A()
print(sys.getsizeof(a), a.__sizeof__())
t = T()
print(sys.getsizeof(t), t.__sizeof__())
m = A()
for i in range(31):
    setattr(m, "v%d" % i, i)
print(sys.getsizeof(m), m.__sizeof__())
m2 = A()
print(sys.getsizeof(m2), m2.__sizeof__())
t.__dict__
print(sys.getsizeof(t), t.__sizeof__())

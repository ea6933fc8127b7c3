# At exit, __main__ leaves sys.modules; its dict is in a cycle (a class and functions
# defined here refer back to it), so the shutdown collection finds it and everything
# only it reaches. Every __del__ runs before any cycle is broken: all globals are
# still there. The pre-exit collection orders the objects: dict values first to
# last, list and tuple items last to first, then the next level.
# gcstress: skip (collection timing decides the order of the finalizers)
import sys

class A:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n, x, y, "sys" in globals(), type(sys.modules).__name__)

a = A(1)
b = A(2)
x = 5
c = A(3)
lst = [A(4), A(5), A(6)]
tup = (A(7), A(8))
dct = {"p": A(9), "q": A(10)}
cyc = [A(11), A(12)]
cyc.append(cyc)
nested = [[A(13)], [A(14)]]
y = 7
d = {"k": A(15)}
d["d"] = d

def f():
    pass

print("end of script")

# A gc.callbacks function defined here keeps __main__'s dict alive through every
# shutdown collection: the pre-exit collection calls it; the shutdown collections do
# not; the cycle is never collected, so these finalizers never run (as in CPython).
# gcstress: skip (gc.callbacks output depends on when collections run)
import gc

gc.callbacks.append(lambda phase, info: print("callback", phase, info["generation"], x))

class A:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)

a = A(1)
l = [A(2)]
l.append(l)
x = 5
print("end of script")

# With the collector disabled there is no pre-exit collection: the shutdown collection
# (which runs regardless) finalizes in creation order, globals all visible.
# gcstress: skip (collection timing decides the order of the finalizers)
import gc

class A:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n, x)

gc.disable()
a = A(1)
lst = [A(2), A(3)]
d = {"k": A(4)}
b = A(5)
x = "visible"
print("end of script")

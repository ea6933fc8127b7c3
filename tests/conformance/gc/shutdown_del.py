# Cycles still referenced from __main__ at exit are collected then; their __del__ runs.
class D:
    def __init__(self, n): self.n = n; self.me = self
    def __del__(self): print("del", self.n)
a = D(1)
b = D(2)
c = [D(3)]
print("end")

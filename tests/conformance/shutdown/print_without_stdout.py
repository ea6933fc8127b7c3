# print() writes to sys.stdout, piece by piece; with sys.stdout None it prints nothing.
import sys

class Writer:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)

w = Writer()
sys.stdout = w
print("a", 1, [2], sep="-", end="!\n")
print()
sys.stdout = sys.__stdout__
print(w.parts)

sys.stdout = None
print("not shown")
sys.stdout = sys.__stdout__
print("shown again")

w2 = Writer()
print("x", "y", file=w2)
print(w2.parts)

del sys.stdout
try:
    print("lost")
except RuntimeError as e:
    sys.__stdout__.write("RuntimeError: %s\n" % e)
sys.stdout = sys.__stdout__
print("done")

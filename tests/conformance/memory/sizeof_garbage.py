# sys.getsizeof of an object whose __sizeof__ returns a negative number: uncaught.
import sys

class Neg:
    def __sizeof__(self):
        return -1

def measure(o):
    return sys.getsizeof(o)

print(measure([]))
print(measure(Neg()))

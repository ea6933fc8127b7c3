# The forms of the import statement.
import math
import math as m
import sys, time
from math import sqrt, pi as PI
from sys import argv as arguments
print(math.sqrt(9), m.sqrt(16), m is math, sqrt(25), PI == math.pi)
print(type(arguments).__name__, sys is not None, type(time.time()).__name__)
def local_import():
    import math as inner
    from math import floor
    return inner.ceil(1.2), floor(1.8)
print(local_import())
print("inner" in globals(), "floor" in globals(), "sqrt" in globals())
try:
    import no_such_module_here
except ImportError as e:
    print(type(e).__name__ + ":", e)
try:
    from math import no_such_name
except ImportError as e:
    print(type(e).__name__, e.name)

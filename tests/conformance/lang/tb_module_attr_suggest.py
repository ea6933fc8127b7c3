# AttributeError on a module attribute typo.
import math
print(math.pi)
print(math.sqr(4))

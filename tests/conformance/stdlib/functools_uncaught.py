# An error in a function called by functools.reduce: no extra frame (reduce is native).
from functools import reduce
print(reduce(lambda a, b: a + b, [1, 2, 3]))
reduce(lambda a, b: a / b, [1, 0])

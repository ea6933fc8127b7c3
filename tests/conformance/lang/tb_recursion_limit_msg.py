# A caught RecursionError, then an uncaught error with a long repeated traceback.
import sys
def recurse(n):
    return recurse(n + 1)
try:
    recurse(0)
except RecursionError as e:
    print("RecursionError:", e)
def countdown(n):
    if n == 0:
        raise ZeroDivisionError("reached the bottom")
    return countdown(n - 1)
countdown(20)

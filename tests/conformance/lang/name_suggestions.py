# Uncaught NameError with a "Did you mean" suggestion (CPython 3.13).
counter = 1
print(countr)

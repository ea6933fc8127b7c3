# Raising a class without arguments, and an exception with several arguments.
import sys
print("stdout before the error")
if len(sys.argv) > 5:
    raise ValueError("a", 1)
raise NotImplementedError

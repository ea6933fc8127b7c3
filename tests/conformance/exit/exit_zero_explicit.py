# sys.exit(0) from inside nested calls.
import sys
def deep(n):
    if n == 0:
        sys.exit(0)
    deep(n - 1)
print("start")
deep(10)
print("not reached")

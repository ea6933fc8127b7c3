# RecursionError can be caught, and the interpreter recovers its full depth afterwards.
import sys

def forever(n):
    return forever(n + 1)

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)

print(sys.getrecursionlimit())
for attempt in range(3):
    try:
        forever(0)
    except RecursionError as e:
        print("caught:", e)
print(depth(900))

def catch_deep(n):
    if n == 0:
        try:
            forever(0)
        except RecursionError:
            return "caught at depth"
    return catch_deep(n - 1)
print(catch_deep(500))

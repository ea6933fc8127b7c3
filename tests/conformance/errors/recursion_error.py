# Infinite recursion: RecursionError, with the repeated frames collapsed.
def forever(n):
    return forever(n + 1)

print("start")
forever(0)

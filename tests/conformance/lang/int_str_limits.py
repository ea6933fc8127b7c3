# int <-> str conversion of huge numbers and the 4300-digit limit.
n = 10**4299
print(len(str(n)), str(n)[:5])
try:
    str(10**4300)
except ValueError as e:
    print(type(e).__name__, e)
try:
    int("1" * 4301)
except ValueError as e:
    print(type(e).__name__, e)
print(hex(10**5000)[:10], len(bin(2**5000)))

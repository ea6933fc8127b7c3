# sys.getsizeof of ints (by 30-bit digit count) and floats, and their __sizeof__.
import sys

for v in [0, 1, -1, 5, 255, 256, 257, 2**29, 2**30 - 1, 2**30, -2**30, 2**31, 2**59, 2**60 - 1,
          2**60, 2**63, 2**64, 2**89, 2**90, 2**120, 10**100, -10**100, 2**1000]:
    print(v.bit_length(), sys.getsizeof(v), v.__sizeof__(), int.__sizeof__(v))

for k in range(0, 200, 7):
    print(k, sys.getsizeof(2**k), sys.getsizeof(-(2**k)), sys.getsizeof(2**k - 1))

print(sys.getsizeof(True), sys.getsizeof(False), True.__sizeof__(), False.__sizeof__())
print(sys.getsizeof(0.0), sys.getsizeof(1.5), sys.getsizeof(-1e300), sys.getsizeof(float("inf")))
print((1.5).__sizeof__(), float.__sizeof__(2.0))
print(sys.getsizeof(None), sys.getsizeof(...), sys.getsizeof(NotImplemented))
print(sys.getsizeof(range(10)), sys.getsizeof(range(0)), sys.getsizeof(range(10**30)))
x = 12345
x += 2**40
print(sys.getsizeof(x))
print(sys.getsizeof(int("9" * 50)))
print(sys.getsizeof(7 * 2**100 // 2**100))

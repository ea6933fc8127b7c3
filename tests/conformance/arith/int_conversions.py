# int() from strings and floats, and the str/bin/oct/hex round trip.
print(int("42"), int("-42"), int("  7  "), int("+3"), int("1_000"))
print(int("ff", 16), int("-0x1f", 16), int("0b101", 0), int("0o17", 0), int("0x10", 0))
print(int("z", 36), int("101", 2), int("777", 8), int("10", 3))
print(int(3.99), int(-3.99), int(True), int(False), int(1e18))
print(int(), float(), str(), bool())
print(str(255), bin(255), oct(255), hex(255))
print(int(bin(1000), 2), int(hex(1000), 16), int(oct(1000), 8))
for bad in ["", "abc", "1.5", "0x10", "1__0"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("9", 8)
except ValueError as e:
    print("ValueError:", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)

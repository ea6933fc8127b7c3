# The kinds of operators in Python, one section each.
#
# Run it with:   pyglass examples/operators.py

# 1. Arithmetic. `/` always gives a float; `//` and `%` round toward minus
#    infinity, so they agree with each other for negative numbers too.
print("7 / 2 =", 7 / 2, "| 7 // 2 =", 7 // 2, "| 7 % 2 =", 7 % 2)
print("-7 // 2 =", -7 // 2, "| -7 % 2 =", -7 % 2, "| 2 ** 10 =", 2 ** 10)
print("integers never overflow: 2 ** 100 =", 2 ** 100)
print("floats are binary: 0.1 + 0.2 =", 0.1 + 0.2)

# 2. Comparison. They chain: a < b < c means a < b and b < c.
x = 5
print("1 < x < 10:", 1 < x < 10, "| x == 5.0:", x == 5.0, "| 'a' < 'b':", "a" < "b")

# 3. Logical. `and`/`or` return one of their operands, not necessarily a bool,
#    and stop evaluating as soon as the answer is known.
print("0 or 'default' ->", 0 or "default", "| 3 and 4 ->", 3 and 4, "| not [] ->", not [])

# 4. Identity and membership.
items = [1, 2, 3]
same = items
print("same is items:", same is items, "| 2 in items:", 2 in items, "| 9 not in items:", 9 not in items)

# 5. Bitwise, on integers as two's complement with infinitely many sign bits.
print("0b1100 & 0b1010 =", bin(0b1100 & 0b1010), "| 0b1100 | 0b1010 =", bin(0b1100 | 0b1010))
print("0b1100 ^ 0b1010 =", bin(0b1100 ^ 0b1010), "| ~5 =", ~5, "| 1 << 8 =", 1 << 8, "| -16 >> 2 =", -16 >> 2)

# 6. Assignment, including augmented assignment. For a list, += mutates in place.
count = 10
count += 5
count //= 4
print("count =", count)

# 7. Operators on your own classes: define the special methods.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, other):
        return Money(self.cents + other.cents)
    def __eq__(self, other):
        return self.cents == other.cents
    def __lt__(self, other):
        return self.cents < other.cents
    def __repr__(self):
        return "Money(" + str(self.cents) + ")"

price, tax = Money(999), Money(80)
print("price + tax =", price + tax, "| price < tax:", price < tax, "| tax == Money(80):", tax == Money(80))

# Precedence, highest first: **, unary -, * / // %, + -, shifts, &, ^, |,
# comparisons, not, and, or.  When in doubt, use parentheses.
print("-2 ** 2 =", -2 ** 2, "| (-2) ** 2 =", (-2) ** 2, "| 1 + 2 * 3 =", 1 + 2 * 3)

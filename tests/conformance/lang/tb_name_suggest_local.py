# NameError suggestions consider locals, globals and builtins.
import sys
def compute():
    total_value = 10
    return total_valeu + 1

try:
    compute()
except NameError as e:
    print("str:", e, "| name:", e.name)
print(lenn([1, 2]))

# Exceptions: how errors travel up the call stack, and how to handle them.
#
# Run it with:   pyglass examples/exceptions.py

# An exception stops the current function and travels up to the nearest
# matching `except`. `else` runs when nothing was raised; `finally` always runs.
def divide(a, b):
    try:
        result = a / b
    except ZeroDivisionError as err:
        print("  caught:", type(err).__name__, "-", err)
        return None
    else:
        print("  no exception, result", result)
        return result
    finally:
        print("  finally runs either way")

print("divide(10, 4):")
divide(10, 4)
print("divide(1, 0):")
divide(1, 0)

# Exceptions are classes; `except Base` also catches subclasses.
class InventoryError(Exception):
    """Base class for this program's errors."""

class OutOfStock(InventoryError):
    def __init__(self, item):
        super().__init__("out of stock: " + item)
        self.item = item

stock = {"apple": 3, "pear": 0}

def take(item):
    if item not in stock:
        raise KeyError(item)
    if stock[item] == 0:
        raise OutOfStock(item)
    stock[item] -= 1
    return item

for wanted in ["apple", "pear", "plum"]:
    try:
        print("took", take(wanted))
    except InventoryError as err:
        print("inventory problem:", err, "(item attribute:", err.item + ")")
    except KeyError as err:
        print("unknown item:", err)

# Re-raising with context: `raise ... from ...` records the original cause.
def parse_quantity(text):
    try:
        return int(text)
    except ValueError as err:
        raise InventoryError("bad quantity " + repr(text)) from err

try:
    parse_quantity("three")
except InventoryError as err:
    print(err, "| caused by:", type(err.__cause__).__name__)

# Cleanup happens even when the exception keeps travelling.
def risky():
    try:
        return [][1]
    finally:
        print("cleanup before the IndexError leaves risky()")

try:
    risky()
except IndexError as err:
    print("IndexError reached the caller:", err)

# An exception nobody catches ends the program: Python prints a traceback
# to stderr and exits with status 1. (Uncomment the next line to see one.)
# take("plum")
print("done")

# A call whose arguments span several lines raises inside the callee: the caller's frame
# shows every line of the call.
def divide(a, b, scale=1):
    return a / b * scale


def compute(values):
    total = 0
    for v in values:
        total += divide(
            10,
            v,
            scale=2,
        )
    return total


print(compute([1, 2]))
print(compute([
    5,
    0,
]))

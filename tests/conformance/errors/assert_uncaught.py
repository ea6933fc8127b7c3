# An uncaught AssertionError with a message.
def check_positive(n):
    assert n > 0, "n must be positive"
    return n

check_positive(1)
check_positive(-2)

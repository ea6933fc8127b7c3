# A cause whose own context is shown too: the whole chain is printed oldest first.
def level1():
    raise KeyError("missing-key")

def level2():
    try:
        level1()
    except KeyError:
        raise TypeError("wrong type while handling")

def level3():
    try:
        level2()
    except TypeError as e:
        raise RuntimeError("giving up") from e

level3()

# global and nonlocal declarations.
counter = 0

def bump():
    global counter
    counter += 1

bump(); bump()
print(counter)

def read_global():
    return counter * 10
print(read_global())

def shadow():
    counter = 99
    return counter
print(shadow(), counter)

def define_global():
    global created_later
    created_later = "made inside a function"
define_global()
print(created_later)

def outer():
    x = 1
    def inner():
        nonlocal x
        x += 1
        def innermost():
            nonlocal x
            x *= 10
        innermost()
    inner()
    return x
print(outer())

def unbound():
    try:
        print(counter)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    counter = 5
unbound()

# break outside a loop.
def f():
    break

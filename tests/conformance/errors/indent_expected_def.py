# A def with no body.
def f():

x = 1

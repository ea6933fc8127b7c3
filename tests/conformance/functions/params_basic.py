# Positional, keyword and default parameters.
def describe(name, age, city="nowhere"):
    return name + " (" + str(age) + ") from " + city

print(describe("Ann", 30))
print(describe("Bob", 25, "Oslo"))
print(describe(age=40, name="Cy"))
print(describe("Di", city="Rome", age=22))

def defaults(a, b=2, c=3):
    return (a, b, c)
print(defaults(1), defaults(1, 20), defaults(1, c=30), defaults(c=3, b=2, a=1))

def no_return():
    x = 1
print(no_return())

def early(n):
    if n > 0:
        return "positive"
    return
print(early(1), early(-1))

def pair():
    return 1, "two"
a, b = pair()
print(a, b, pair())

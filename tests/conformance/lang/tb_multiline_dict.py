# A dict display spanning lines whose value expression raises: only the failing element's
# lines are shown; then a dict display whose unhashable key fails the BUILD_MAP.
def build(n):
    return {
        "a": 1,
        "b": 10 // n,
        "c": 3,
    }


print(build(5))
try:
    build(0)
except ZeroDivisionError as e:
    print("caught", e)

config = {
    "name": "x",
    ["list"]: "unhashable",
    "size": 3,
}

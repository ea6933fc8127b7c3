# Several multi-line spans in one report through exception chaining: an attribute call,
# a method chain, a long argument list with a comment and a blank line (abbreviated
# with ...<n lines>...), and a nested call.
class Box:
    def __init__(self, items):
        self.items = items

    def get(self, i):
        return self.items[i]


def first():
    b = Box([1, 2])
    return b.get(
        5
    )


def second(text):
    return (text
            .strip()
            .split(",")
            [7])


def third(*args):
    raise RuntimeError(f"third got {len(args)} args")


try:
    first()
except IndexError:
    try:
        second(" a,b ")
    except IndexError:
        third(
            1,
            2,  # a comment

            3,
            4,
            5,
            6,
        )

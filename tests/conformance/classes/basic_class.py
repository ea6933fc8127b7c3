# Classes: __init__, methods, instance and class attributes.
class Point:
    """A 2-D point."""
    dimensions = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)

    def length_squared(self):
        return self.x * self.x + self.y * self.y

p = Point(3, 4)
q = p.moved(1, -1)
print(p.x, p.y, q.x, q.y, p.length_squared())
print(Point.dimensions, p.dimensions, Point.__name__, Point.__doc__)
print(type(p).__name__, type(p) is Point, isinstance(p, Point))
p.z = 5
print(p.z, hasattr(p, "z"), hasattr(q, "z"))
print(sorted(p.__dict__.items()))
bound = p.length_squared
print(bound())
print(Point.length_squared(q))

class Counter:
    total = 0
    def __init__(self):
        Counter.total += 1
        self.id = Counter.total
a, b, c = Counter(), Counter(), Counter()
print(a.id, b.id, c.id, Counter.total)
a.total = 100
print(a.total, b.total, Counter.total)

# random: state, the Random class, subclasses and errors.
import random

r = random.Random(5)
print(r.random(), r.randint(0, 10**30))
state = r.getstate()
print(type(state).__name__, len(state), state[0], len(state[1]))
x = [r.random() for _ in range(3)]
r.setstate(state)
print(x == [r.random() for _ in range(3)])

# random() is not seeded deterministically without a seed, but is in range.
random.seed()
v = random.random()
print(0.0 <= v < 1.0, type(v).__name__)

for bad in [
    lambda: random.choice([]),
    lambda: random.randrange(0),
    lambda: random.randrange(5, 5),
    lambda: random.randrange(0, 10, 0),
    lambda: random.randrange(10, 0, 2),
    lambda: random.randrange(1.5),
    lambda: random.sample({1, 2}, 1),
    lambda: random.sample([1, 2], 3),
    lambda: random.getrandbits(-1),
    lambda: random.choices([1, 2], weights=[1], k=1),
    lambda: random.seed([1, 2]),
    lambda: random.Random().setstate((9, (), None)),
]:
    try:
        bad()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__ + ":", e)

random.seed(9)
print(random.sample(["a", "b"], counts=[3, 2], k=4), random.sample(range(10), k=3))


class Fixed(random.Random):
    def random(self):
        return 0.5


f = Fixed()
print(f.randrange(10), f.choice("abc"), f.random(), isinstance(f, random.Random))


class Bits(random.Random):
    def __init__(self):
        super().__init__(1)
        self.calls = 0

    def getrandbits(self, k):
        self.calls += 1
        return super().getrandbits(k)


g = Bits()
print(g.randrange(1000), g.calls, g.shuffle([1, 2, 3]))
print(random.Random(3).random() == random.Random(3).random(), type(random.Random).__name__)

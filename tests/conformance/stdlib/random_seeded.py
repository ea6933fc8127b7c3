# random: the Mersenne Twister gives CPython's numbers for the same seed.
import random

for s in [0, 1, 42, 2**32 + 5, -7, 12345678901234567890, 3.5, "hello", b"abc", bytearray(b"xy")]:
    random.seed(s)
    print(repr(s))
    print(" ", random.random(), random.random())
    print(" ", random.getrandbits(1), random.getrandbits(31), random.getrandbits(32), random.getrandbits(70))
    print(" ", random.randrange(100), random.randrange(10, 20), random.randrange(0, 100, 7), random.randrange(50, 0, -3))
    print(" ", random.randint(1, 6), random.randint(-10**20, 10**20))
    print(" ", random.choice("abcdef"), random.choice([10, 20, 30]), random.uniform(1, 2))
    print(" ", random.sample(range(100), 5), random.sample(range(1000), 30)[:5], random.sample("abcdefgh", 3))
    l = list(range(10))
    random.shuffle(l)
    print(" ", l)
    print(" ", random.choices([1, 2, 3], k=4), random.choices("ab", weights=[1, 3], k=3), random.choices("xyz", cum_weights=[1, 2, 3], k=2))
    print(" ", random.gauss(0, 1), random.gauss(), random.normalvariate(5, 2), random.expovariate(2))
    print(" ", random.triangular(), random.betavariate(2, 3), random.gammavariate(0.5, 1), random.gammavariate(3, 1))
    print(" ", random.lognormvariate(0, 1), random.paretovariate(2), random.weibullvariate(1, 2), random.vonmisesvariate(0, 1))
    print(" ", random.randbytes(5), random.binomialvariate(5, 0.3))

# Two generators with the same seed agree; seed() resets.
a = random.Random(2024)
b = random.Random()
b.seed(2024)
print([a.random() == b.random() for _ in range(3)])
a.seed(7)
first = [a.randrange(1000) for _ in range(5)]
a.seed(7)
print(first == [a.randrange(1000) for _ in range(5)], first)

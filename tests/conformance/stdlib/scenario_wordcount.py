# Several modules together: a word count over a file, sorting, grouping, heaps.
import operator, random, itertools, functools, collections, os, string
from dataclasses import dataclass, field
fn = 'scenario_wordcount.tmp'
random.seed(0)
words = [''.join(random.choice(string.ascii_lowercase[:5]) for _ in range(random.randint(1, 3))) for _ in range(500)]
with open(fn, 'w') as f:
    for i in range(0, len(words), 10):
        print(' '.join(words[i:i+10]), file=f)
with open(fn) as f:
    counts = collections.Counter(w for line in f for w in line.split())
print(counts.most_common(5))
print(sorted(counts.items(), key=operator.itemgetter(1, 0), reverse=True)[:3])
with open(fn) as f:
    for lineno, line in enumerate(f, 1):
        if lineno > 3: break
        print(lineno, line.rstrip())
print(functools.reduce(operator.mul, range(1, 21)))
for k, g in itertools.groupby(sorted(words, key=len), key=len):
    print(k, len(list(g)))
@dataclass(order=True)
class Item:
    priority: int
    name: str = field(compare=False)
import heapq
h = [Item(random.randint(1, 9), w) for w in words[:10]]
heapq.heapify(h)
print([heapq.heappop(h).priority for _ in range(5)])
dd = collections.defaultdict(set)
for w in words: dd[w[0]].add(len(w))
print({k: sorted(v) for k, v in sorted(dd.items())})
print(os.path.getsize(fn), os.path.basename(os.path.abspath(fn)))
os.remove(fn)
P = collections.namedtuple('P', 'x y')
pts = [P(random.random(), random.random()) for _ in range(5)]
print(min(pts, key=operator.attrgetter('x')).x < 1, sum(map(operator.itemgetter(0), pts)) > 0)
print(list(itertools.accumulate(range(10), operator.add)), list(itertools.starmap(operator.pow, zip(range(5), itertools.repeat(2)))))

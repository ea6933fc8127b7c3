# The tracemalloc value classes (Frame, Traceback, Trace, Statistic, StatisticDiff), their
# text forms and ordering, Traceback.format, and get_object_traceback.
import tracemalloc
import os

f1 = tracemalloc.Frame(("a.py", 3))
f2 = tracemalloc.Frame(("a.py", 4))
print(f1, repr(f1), f1 == tracemalloc.Frame(("a.py", 3)), f1 < f2, f2 >= f1, f1 != f2)
print(len({f1, tracemalloc.Frame(("a.py", 3)), f2}))

# _tracemalloc's order is most recent first; a Traceback is oldest first.
tb = tracemalloc.Traceback((("b.py", 2), ("a.py", 1)), 7)
print(tb, repr(tb), len(tb), tb[0], tb[-1], tb[:1], tb.total_nframe)
print(tracemalloc.Frame(("a.py", 1)) in tb, f1 in tb)
tb_short = tracemalloc.Traceback((("b.py", 2),))
print(tb_short, repr(tb_short), tb_short.total_nframe)
print(tb_short < tb, tb == tracemalloc.Traceback((("b.py", 2), ("a.py", 1))), hash(tb) == hash(tracemalloc.Traceback((("b.py", 2), ("a.py", 1)))))
print(list(tb), list(reversed(tb)), tb.index(tracemalloc.Frame(("b.py", 2))), tb.count(f1))
print(tb.format())
print(tb.format(limit=1), tb.format(limit=-1), tb.format(most_recent_first=True))

for size in (0, 7, 99, 100, 1023, 1024, 10 * 1024 - 1, 10 * 1024, 99 * 1024, 100 * 1024, 5 * 1024 ** 2, 3 * 1024 ** 4, 200 * 1024 ** 5):
    st = tracemalloc.Statistic(tb, size, 3)
    print(st)
print(repr(tracemalloc.Statistic(tb, 3000, 3)))
print(tracemalloc.Statistic(tb, 0, 0))
print(tracemalloc.Statistic(tb, 10, 2) == tracemalloc.Statistic(tb, 10, 2))
sd = tracemalloc.StatisticDiff(tb, 3000, -200, 3, -1)
print(sd)
print(repr(sd))
print(tracemalloc.StatisticDiff(tb, 0, -50000, 0, -12))
print(tracemalloc.StatisticDiff(tb, 123456789, 123456789, 4, 4))
tr = tracemalloc.Trace((0, 120, (("x.py", 9), ("y.py", 1)), 2))
print(tr, repr(tr), tr.domain, tr.size, tr.traceback.total_nframe)

snap = tracemalloc.Snapshot([(0, 100, (("x.py", 1),), 1), (0, 50, (("x.py", 1),), 1), (1, 20, (("y.py", 5), ("x.py", 2)), 2)], 2)
print(repr(snap.traces), len(snap.traces), snap.traces[2], snap.traces[0] in snap.traces)
for st in snap.statistics("lineno"):
    print(st)
for st in snap.statistics("filename"):
    print(st)
for st in snap.statistics("traceback"):
    print(repr(st))
for st in snap.statistics("filename", cumulative=True):
    print(st)
old = tracemalloc.Snapshot([(0, 100, (("x.py", 1),), 1), (0, 70, (("z.py", 3),), 1)], 1)
for st in snap.compare_to(old, "lineno"):
    print(st)
print([len(snap.filter_traces([tracemalloc.Filter(True, p)]).traces) for p in ("x.py", "?.py", "[xy].py", "[!x].py", "*", "y*", "x.pyc")])
print(len(snap.filter_traces([tracemalloc.Filter(True, "x.py", domain=0)]).traces), len(snap.filter_traces([]).traces))

class Thing:
    pass

print("not tracing:", tracemalloc.get_object_traceback(Thing()))
tracemalloc.start(3)
def make():
    return Thing()
t = make()
otb = tracemalloc.get_object_traceback(t)
print("object traceback:", [(os.path.basename(fr.filename), fr.lineno) for fr in otb])
print("built before tracing:", tracemalloc.get_object_traceback(f1))
tracemalloc.stop()

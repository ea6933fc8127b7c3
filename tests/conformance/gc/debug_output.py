# gcstress: skip (prints what each collection does)
# gc.set_debug: DEBUG_STATS, DEBUG_COLLECTABLE, DEBUG_SAVEALL and DEBUG_LEAK write to
# sys.stderr as CPython does. Addresses, timings and generation sizes vary between runs
# and implementations, so a stand-in stderr masks them.
import gc
import sys

class Masked:
    def write(self, text):
        out = []
        for line in text.split("\n"):
            words = []
            for w in line.split(" "):
                if w.startswith("0x"):
                    w = "ADDR>" if w.endswith(">") else "ADDR"
                elif w.endswith("s") and w[:-1].replace(".", "").isdigit():
                    w = "Ts"
                words.append(w)
            line = " ".join(words)
            if line.startswith("gc: objects in each generation:"):
                line = "gc: objects in each generation: ..."
            out.append(line)
        sys.stdout.write("\n".join(out))
        return len(text)
    def flush(self):
        pass

gc.collect()
real_stderr = sys.stderr
sys.stderr = Masked()

gc.set_debug(gc.DEBUG_STATS)
l = []
l.append(l)
del l
print("collected", gc.collect())
print("gen 0:", gc.collect(0))

gc.set_debug(gc.DEBUG_COLLECTABLE)
class A:
    pass
a = A()
a.me = a
del a
print("collected", gc.collect())

gc.set_debug(gc.DEBUG_LEAK)
l = []
l.append(l)
d = {}
d["d"] = d
del l, d
print("collected", gc.collect())
print(len(gc.garbage), sorted(type(o).__name__ for o in gc.garbage))
gc.set_debug(0)
gc.garbage.clear()
gc.collect()
sys.stderr = real_stderr
print(gc.get_debug())

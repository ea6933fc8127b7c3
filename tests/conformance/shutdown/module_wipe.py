# A module kept alive past the shutdown collection (here by an attribute of sys) and
# still in sys.modules has its names set to None: "_name"s first, then the rest; the
# names stay defined. The finalizers log to a list; the last one, run when sys itself
# is wiped (sys.stdout is None by then), writes it to the stream it kept.
# gcstress: skip (collection timing decides the order of the finalizers)
import sys
import types

mod = types.ModuleType("kept")
sys.kept_module = mod
sys.modules["kept"] = mod
log = []
sys.kept_log = log
exec('''
class Probe:
    def __init__(self, tag, log, names):
        self.tag, self.log, self.names = tag, log, names
    def __del__(self):
        g = self.names
        self.log.append((self.tag, repr(g.get("public")), repr(g.get("_private"))))
_private = 1
public = 2
''', mod.__dict__)
mod.p = mod.Probe("public probe", log, mod.__dict__)
mod._p = mod.Probe("private probe", log, mod.__dict__)

class Last:
    def __del__(self, out=sys.__stdout__, log=log):
        # Runs when sys is wiped; sys.stdout is None then: write to the stream itself.
        out.write(repr(log) + "\n")

sys.zz_last = Last()
print("end of script")

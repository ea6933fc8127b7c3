# gcstress: skip (collections at every safe point untrack the tuples before the lines that show them tracked)
# Which atomic containers a collection untracks, and in what order: tuples first, then
# (full collections only) dicts, so a dict made before the tuple it holds is untracked
# in the same collection. gc.is_tracked shows the result.
import gc

def fresh_tuple(*items):
    return tuple(items)

d = {}
t = fresh_tuple(1, "two", 3.0)          # made after the dict that holds it
d["t"] = t
nested = fresh_tuple(fresh_tuple(1, 2), fresh_tuple("a", None))
holder = {"n": nested, "k": 5}
with_list = fresh_tuple(1, [2])
dict_of_dict = {"inner": {"x": 1}}
print("before", gc.is_tracked(t), gc.is_tracked(d), gc.is_tracked(nested), gc.is_tracked(holder))

gc.collect(0)   # a young collection: tuples only
print("gen0", gc.is_tracked(t), gc.is_tracked(d), gc.is_tracked(nested), gc.is_tracked(holder))

gc.collect()    # full: dicts too
print("full", gc.is_tracked(t), gc.is_tracked(d), gc.is_tracked(nested), gc.is_tracked(holder))
print("kept", gc.is_tracked(with_list), gc.is_tracked(dict_of_dict), gc.is_tracked(dict_of_dict["inner"]))

# A dict becomes tracked again when it gets a container.
d["l"] = []
print("retracked", gc.is_tracked(d))
gc.collect()
print("after", gc.is_tracked(d))

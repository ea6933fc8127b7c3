# print(): sep/end/file/flush arguments, None values, errors, interaction with stderr.
import sys
print()
print("a", "b", "c")
print("a", "b", sep="")
print("a", "b", sep=None)
print("no newline", end="")
print(" <- continued", end=None)
print(1, 2.5, None, True, [1], (2,), {"k": 3}, sep=" | ")
print(*range(5), sep=", ", end=".\n")
print("to stderr", file=sys.stderr)
print("flushed", flush=True)
print(file=sys.stdout)
print("x" * 3, "é", "\t|tab|", "\u263a")
for bad in ({"sep": 1}, {"end": 2}, {"file": 3}, {"bogus": 4}):
    try:
        print("never", **bad)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
class Loud:
    def __str__(self): return "LOUD"
    def __repr__(self): return "loud"
print(Loud(), [Loud()], {Loud(): 1} if False else "", f"{Loud()}", str(Loud()), repr(Loud()))
sys.stdout.write("written directly\n")
print(sys.stdout.write("abc\n"))

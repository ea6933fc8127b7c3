# SystemExit can be caught; its code attribute holds the argument.
import sys
for arg in [None, 0, 5, "text", (1, 2)]:
    try:
        sys.exit(arg)
    except SystemExit as e:
        print(repr(e.code), e.args)
try:
    sys.exit()
except SystemExit as e:
    print("no argument:", e.code, e.args)
print("still running")
sys.exit(2)

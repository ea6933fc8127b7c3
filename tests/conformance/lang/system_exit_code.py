# SystemExit with an int code: the exit status, no traceback, finally blocks run.
import sys
try:
    print("before")
    sys.exit(3)
finally:
    print("finally runs")

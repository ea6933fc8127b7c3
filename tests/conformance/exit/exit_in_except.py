# sys.exit() inside an except block: exits quietly with the status given.
import sys
try:
    1 / 0
except ZeroDivisionError:
    print("handling and exiting")
    sys.exit(9)

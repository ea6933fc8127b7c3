# sys.exit(True) exits with status 1; a bool is an int.
import sys
print("exiting")
sys.exit(True)

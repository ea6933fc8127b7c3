# sys.exit() and sys.exit(None) mean success.
import sys
print("done")
sys.exit()

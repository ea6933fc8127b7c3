# SystemExit runs finally blocks and is not caught by "except Exception".
import sys
def work():
    try:
        try:
            sys.exit(4)
        except Exception:
            print("not printed: SystemExit is not an Exception")
    finally:
        print("finally runs on exit")
work()

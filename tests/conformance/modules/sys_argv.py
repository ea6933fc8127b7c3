# sys.argv: the script name as given, then the arguments.
import sys
print(sys.argv)
print(len(sys.argv), sys.argv[0])
for i, arg in enumerate(sys.argv[1:], 1):
    print(i, repr(arg))

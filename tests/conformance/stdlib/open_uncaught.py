# An uncaught FileNotFoundError from open().
print("before")
open("open_uncaught_missing.txt")

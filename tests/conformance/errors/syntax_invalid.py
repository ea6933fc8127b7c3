# A plain "invalid syntax" with a caret under the offending token.
print("nothing runs: the whole file is compiled first")
x = = 1

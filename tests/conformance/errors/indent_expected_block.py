# A block that is never indented.
if True:
print("body")

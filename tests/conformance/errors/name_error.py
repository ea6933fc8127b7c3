# An uncaught NameError (no similar name exists, so no suggestion is printed).
def compute():
    return 40 + qqqqqqq

print("before")
compute()

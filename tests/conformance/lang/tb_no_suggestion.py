# No suggestion when nothing is close enough.
class Thing:
    alpha = 1
print(Thing().zzzzzzzz)

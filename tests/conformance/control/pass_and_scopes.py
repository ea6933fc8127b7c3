# pass, empty bodies, and the fact that blocks do not create scopes.
def nothing():
    pass
class Empty:
    pass
print(nothing(), type(Empty()).__name__)
if True:
    inside_if = "visible"
for i in range(1):
    inside_for = "also visible"
while True:
    inside_while = "visible too"
    break
try:
    inside_try = "yes"
except Exception:
    pass
print(inside_if, inside_for, inside_while, inside_try)

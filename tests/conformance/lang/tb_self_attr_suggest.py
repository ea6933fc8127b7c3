# NameError inside a method suggests self.attribute when the instance has it.
class Counter:
    def __init__(self):
        self.total = 0
    def report(self):
        return total * 2

try:
    Counter().report()
except NameError as e:
    print("str:", e)
Counter().report()

# AttributeError "Did you mean" suggestion in the uncaught traceback, while str(e) has none.
class Config:
    def __init__(self):
        self.verbose = True
        self.timeout = 30

c = Config()
try:
    c.verbos
except AttributeError as e:
    print("str:", e)
    print(e.name, e.obj is c)
print(c.timeot)

# Underscored names are suggested only when the wrong name starts with an underscore.
class Box:
    def __init__(self):
        self._secret = 1
        self.public = 2
b = Box()
try:
    b.secret
except AttributeError as e:
    print("caught", e)
b._secrte

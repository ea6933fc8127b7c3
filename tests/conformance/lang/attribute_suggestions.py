# Uncaught AttributeError with a "Did you mean" suggestion (CPython 3.13).
class Point:
    def __init__(self):
        self.horizontal = 1
Point().horizontl

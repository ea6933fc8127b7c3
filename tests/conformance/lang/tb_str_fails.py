# An exception whose __str__ raises: the traceback shows a placeholder.
class Broken(Exception):
    def __str__(self):
        raise RuntimeError("cannot format")
raise Broken("x")

# An exception raised in __exit__ while another propagates: context chain in the traceback.
class Manager:
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc, tb):
        print("exiting with", exc_type.__name__)
        raise RuntimeError("exit failed")

with Manager():
    x = [1, 2, 3]
    x[10]

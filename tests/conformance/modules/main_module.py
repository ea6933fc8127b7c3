"""The module docstring."""
# __name__ and the module docstring of the main script.
print(__name__)
print(__doc__)
if __name__ == "__main__":
    print("running as the main program")
def f():
    return __name__
print(f())

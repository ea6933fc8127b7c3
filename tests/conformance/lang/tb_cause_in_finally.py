# An exception in finally replaces the pending one; the original shows as context.
def f():
    try:
        raise ValueError("original")
    finally:
        print("finally runs")
        undefined_function()

f()

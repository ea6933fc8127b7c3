# The finally block runs before the traceback is printed.
def work():
    try:
        print("working")
        return [1, 2, 3][3]
    finally:
        print("cleanup in finally")

work()

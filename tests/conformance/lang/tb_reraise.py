# A bare raise re-raises with the traceback extended by the handler's frame lines.
def inner():
    raise TypeError("deep problem")

def middle():
    try:
        inner()
    except TypeError:
        print("logging and re-raising")
        raise

def outer():
    middle()

outer()

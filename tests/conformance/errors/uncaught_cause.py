# raise ... from ...: "The above exception was the direct cause of the following exception".
def convert(s):
    try:
        return int(s)
    except ValueError as e:
        raise TypeError("cannot convert " + repr(s)) from e

convert("x1")

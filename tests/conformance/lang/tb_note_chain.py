# Notes on both exceptions of a chain are printed under each one.
def inner():
    e = ValueError("inner problem")
    e.add_note("inner note")
    raise e
try:
    inner()
except ValueError as err:
    new = RuntimeError("outer problem")
    new.add_note("outer note 1")
    new.add_note("outer note 2")
    raise new from err

# "from None" hides the context in the traceback; notes are printed after the message.
def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        err = LookupError(f"no entry {k!r}")
        err.add_note("checked the primary table")
        err.add_note("and the fallback")
        raise err from None

lookup({"a": 1}, "a")
lookup({"a": 1}, "b")

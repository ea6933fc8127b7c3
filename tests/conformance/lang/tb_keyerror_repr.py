# KeyError shows the repr of the key; a multi-argument exception shows its args tuple.
config = {"host": "localhost"}
try:
    config["port"]
except KeyError as e:
    print("caught:", e, repr(e))
def lookup(key):
    return config[key]
lookup(("tuple", "key"))

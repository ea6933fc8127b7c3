# Uncaught exception raised while handling another: "During handling" separator, three levels.
class Resource:
    def close(self):
        raise OSError("close failed")

def work():
    r = Resource()
    try:
        {}["key"]
    except KeyError:
        try:
            r.close()
        except OSError:
            raise ValueError("cleanup failed too")

work()

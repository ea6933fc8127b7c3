# User-defined exception hierarchies.
class AppError(Exception):
    pass

class ConfigError(AppError):
    def __init__(self, key, detail):
        super().__init__(key, detail)
        self.key = key
        self.detail = detail
    def __str__(self):
        return "bad config key " + repr(self.key) + ": " + self.detail

class NetworkError(AppError):
    pass

for exc in [ConfigError("port", "not a number"), NetworkError("timeout"), AppError()]:
    try:
        raise exc
    except ConfigError as e:
        print("config:", e, e.key, e.args)
    except AppError as e:
        print("app:", type(e).__name__, repr(e), str(e))

print(issubclass(ConfigError, Exception), issubclass(AppError, BaseException))
print(isinstance(NetworkError("x"), AppError))
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
print(issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, BaseException))
print(issubclass(RecursionError, RuntimeError), issubclass(IndentationError, SyntaxError))
print(issubclass(UnboundLocalError, NameError), issubclass(bool, Exception))

class WithRepr(Exception):
    def __repr__(self):
        return "WithRepr!"
print(repr(WithRepr("x")), str(WithRepr("x")))

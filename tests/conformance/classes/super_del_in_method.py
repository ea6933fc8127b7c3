# A method that uses super() and then drops the last reference to self: the
# finalizer runs as the frame is left, and must be able to run Python code.
class Base:
    def m(self):
        return 1

class A(Base):
    def __del__(self):
        print("del", type(self).__name__)
    def m(self):
        r = super().m()
        del self
        return r

print(A().m())
print("end")


class B(Base):
    def __del__(self):
        # Python code in the finalizer that itself calls and handles an exception.
        try:
            raise KeyError("inside del")
        except KeyError as e:
            print("del B handled", e)

    def m(self):
        super().m()
        del self
        return "m done"


print(B().m())

# Uncaught exception raised in a property getter reached from __init__ via a helper.
class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self._balance = balance
        self.check()

    @property
    def balance(self):
        if self._balance < 0:
            raise ValueError(f"negative balance for {self.owner}: {self._balance}")
        return self._balance

    def check(self):
        return self.balance >= 0

ok = Account("ann", 10)
print(ok.balance)
Account("bob", -5)

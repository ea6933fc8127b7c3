# Methods are functions looked up on the class and bound to the instance.
class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amount):
        self.balance += amount
        self.history.append(("deposit", amount))
        return self

    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError("insufficient funds")
        self.balance -= amount
        self.history.append(("withdraw", amount))
        return self

    def __repr__(self):
        return "Account(" + repr(self.owner) + ", " + str(self.balance) + ")"

acct = Account("ann")
acct.deposit(100).withdraw(30).deposit(5)
print(acct, acct.history)
try:
    acct.withdraw(1000)
except ValueError as e:
    print("refused:", e)
m = acct.deposit
m(1)
print(acct.balance, m.__name__, m.__self__ is acct)
Account.deposit(acct, 4)
print(acct)

def outside(self):
    return "patched for " + self.owner
Account.describe = outside
print(acct.describe())

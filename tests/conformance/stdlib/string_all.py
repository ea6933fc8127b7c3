# string: the constants, capwords, Template.
import string

print(string.ascii_letters)
print(string.ascii_lowercase, string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation), repr(string.whitespace))
print(repr(string.printable), len(string.printable))
print(string.capwords(" hello   world  foo "), string.capwords("a-b-c", "-"), string.capwords("ABC def"), repr(string.capwords("")))
print(string.capwords("hello\tthere\nfriend"), string.capwords("x--y", "-"))
t = string.Template("$who likes ${what} $$")
print(t.substitute(who="tim", what="kung pao"), t.safe_substitute(who="x"), t.substitute({"who": 1}, what=2))
try:
    t.substitute(who="x")
except KeyError as e:
    print("KeyError", e)
try:
    string.Template("bad $").substitute()
except ValueError as e:
    print(e)
print(all(c in string.printable for c in string.ascii_letters), "a" in string.hexdigits, "g" in string.hexdigits)

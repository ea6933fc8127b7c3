# Single inheritance, overriding, super(), isinstance and issubclass.
class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "..."
    def describe(self):
        return self.name + " says " + self.speak()

class Dog(Animal):
    def speak(self):
        return "woof"

class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak() + " (tiny)"

for a in [Animal("generic"), Dog("rex"), Puppy("bit", 1)]:
    print(a.describe())
p = Puppy("bit", 1)
print(p.age, isinstance(p, Animal), isinstance(p, Dog), isinstance(Dog("d"), Puppy))
print(issubclass(Puppy, Animal), issubclass(Animal, Puppy), issubclass(Dog, Dog))
print(Puppy.__bases__ == (Dog,), Puppy.__base__ is Dog, Animal.__bases__ == (object,))
print(isinstance(p, (int, Dog)), issubclass(bool, (str, int)))
print(Puppy.__mro__[1].__name__, len(Puppy.__mro__))

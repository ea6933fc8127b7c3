# Uncaught user exception with custom __str__, raised from a nested call through a method.
class ValidationError(Exception):
    def __init__(self, field, problem):
        super().__init__(field, problem)
        self.field = field
        self.problem = problem
    def __str__(self):
        return f"{self.field}: {self.problem}"

class Form:
    def __init__(self, data):
        self.data = data
    def validate(self):
        for k, v in self.data.items():
            self.check(k, v)
    def check(self, k, v):
        if not v:
            raise ValidationError(k, "must not be empty")

Form({"name": "x", "email": ""}).validate()

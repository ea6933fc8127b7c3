# An error inside an except block of a method called from a loop.
class Parser:
    def parse_all(self, items):
        out = []
        for i in items:
            out.append(self.parse(i))
        return out
    def parse(self, item):
        try:
            return int(item)
        except ValueError:
            return self.fallback(item)
    def fallback(self, item):
        return {"one": 1, "two": 2}[item]
print(Parser().parse_all(["1", "two"]))
print(Parser().parse_all(["3", "four"]))

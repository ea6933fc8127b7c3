# An unclosed parenthesis is reported at the opening bracket.
print("this never runs")
values = (1, 2,
          3

# A binary expression spread over lines raises ZeroDivisionError: the lines are shown with
# ~ under the operands and ^ under the operator.
def ratio(numerator, denominator, offset):
    result = (numerator
              + offset
              / denominator)
    return result


print(ratio(1, 2, 3))
print(ratio(4, 0, 5))

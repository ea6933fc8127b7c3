# An uncaught TypeError from a binary operator.
count = 3
label = "items: " + count

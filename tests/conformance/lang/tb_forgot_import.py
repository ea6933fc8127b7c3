# NameError for a standard-library module name that was not imported.
print(math.pi)

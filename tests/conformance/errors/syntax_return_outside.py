# return outside a function is a compile-time error.
print("compiled first")
return 5

# Recursive functions, including mutual recursion and moderate depth.
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def is_even(n):
    return True if n == 0 else is_odd(n - 1)

def is_odd(n):
    return False if n == 0 else is_even(n - 1)

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)

print(fact(0), fact(10), fact(30))
print(fib(20))
print(is_even(100), is_odd(77))
print(depth(900))

def hanoi(n, src, dst, via, moves):
    if n:
        hanoi(n - 1, src, via, dst, moves)
        moves.append((src, dst))
        hanoi(n - 1, via, dst, src, moves)
    return moves
print(len(hanoi(10, "a", "c", "b", [])), hanoi(2, "a", "c", "b", []))

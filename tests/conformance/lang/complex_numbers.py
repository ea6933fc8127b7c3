# Imaginary literals and complex arithmetic.
z = 3 + 4j
print(z, z.real, z.imag, abs(z), z.conjugate(), 1j * 1j, type(z).__name__)
print(complex(1, 2), complex("1+2j"), (1 + 2j) * (3 - 1j), (1 + 2j) / 2, 2j ** 2)
print(0j, -1j, 1e3j, 5J, (1 + 0j) == 1)

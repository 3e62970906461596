# formatting big ints and extreme floats
big = 2 ** 100
print(f'{big} {big:,} {big:e} {big:.3e} {-big:_}')
print(f'{10 ** 25:>40}')
print(f'{1e-300:e} {1e300:.2e} {5e-324} {1.7976931348623157e308}')
print(f'{0.1 + 0.2} {0.1 + 0.2:.17f} {1/3:.20f}')
print(f'{float("inf")} {float("-inf"):>8} {float("inf"):f} {float("nan")} {float("nan"):F}')
print(f'{123456789012345678:,d}')
print(f'{-(10 ** 20):>30,}|{10 ** 20:<30_}|')
print(f'{2 ** 64:x} {2 ** 64:#o} {2 ** 64:.2e}')
print(f'{1e22} {1e21} {1e16} {1e15} {123456789012345.6}')

# repr and str of lists with mixed element types
xs = [1, 'two', 3.0, None, True, [4, 'five'], (6,), {'k': 'v'}, -0.5, 'it\'s', "q\"uote"]
print(xs)
print(str(xs))
print(repr(xs))
print([1e20, 1e-5, 1.5e300, 123456789012345678901234567890])
print(['tab\there', 'nl\nhere', 'back\\slash'])
print([[], [[]], [[], []]])
print(len(str(xs)))
print([0.1 + 0.2, 1/3, 2.0, -7.25])
print(['caf\u00e9', '\x00', '\x7f'])
print(['x'.encode(), 'xy'.encode()])

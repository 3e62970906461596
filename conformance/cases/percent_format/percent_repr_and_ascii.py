# %r and %a conversions
vals = ['plain', "quote'd", 'caf\u00e9', 12, 1.5, None, [1, 'x'], ('t',)]
for v in vals:
    print('%r | %a | %s' % (v, v, v))
print('%5r|%-8a|' % ('x', '\u00e9'))
print('%s %r %a' % ('\t', '\t', '\t'))
print('%r' % {'k': ('v', 1.5)})
print('%a' % '\u20ac\u00e9x')
print('%-12r|%12a|' % ('ab', 'cd'))
print('%s|%r' % ('', ''))

# nested targets with parentheses and brackets
(a, b), c = (1, 2), 3
print(a, b, c)
a, (b, (c, d)) = 1, (2, (3, 4))
print(a, b, c, d)
[x, [y, z]] = ['p', 'qr']
print(x, y, z)
(f, *g), h = [1, 2, 3], 4
print(f, g, h)
data = [('ann', (30, 'nyc')), ('bob', (25, 'sf'))]
for name, (age, city) in data:
    print(name, age, city)

# reverse, copy (shallow) and clear
xs = [1, 2, 3, 4, 5]
xs.reverse()
print(xs)
ys = xs.copy()
ys.append(99)
print(xs, ys)
nested = [[1, 2], [3, 4]]
shallow = nested.copy()
shallow[0].append('shared')
shallow[1] = 'replaced'
print(nested)
print(shallow)
alias = xs
xs.clear()
print(xs, alias, len(alias))
e = []
e.reverse()
print(e)
one = ['only']
one.reverse()
print(one)
evens = [2, 4, 6, 8]
evens.reverse()
evens.reverse()
print(evens)

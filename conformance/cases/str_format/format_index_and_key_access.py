# element access inside replacement fields
pts = [(1, 2), (3, 4)]
print('{0[0]} {0[1]}'.format(pts))
print('{0[1][0]}'.format(pts))
d = {'name': 'widget', 'price': 9.5}
print('{0[name]} costs {0[price]:.2f}'.format(d))
print('{0[0]}{0[2]}{0[4]}'.format('abcde'))
m = [[1, 2], [3, 4]]
print('{0[0][1]}-{0[1][0]}-{1}'.format(m, 'end'))
data = {'a': [1, {'b': 'deep'}]}
print('{0[a][1][b]} {0[a][0]}'.format(data))
print('{0[0]}{1[0]}{0[1]}{1[1]}'.format('xy', 'ab'))

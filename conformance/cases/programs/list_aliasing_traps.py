# classic list aliasing traps and their fixes
board = [['.'] * 3] * 3
board[0][0] = 'X'
print('shared rows:', board)
board = [['.'] * 3 for _ in range(3)]
board[0][0] = 'X'
print('separate rows:', board)

def append_to(item, target=[]):
    target.append(item)
    return target

print(append_to(1), append_to(2))
first = append_to('a', [])
second = append_to('b', [])
print(first, second)

original = [1, [2, 3], 4]
copy1 = original
copy2 = original[:]
copy3 = list(original)
original[0] = 100
original[1].append('!')
print(original, copy1, copy2, copy3)

a = [1, 2, 3]
b = a
a = a + [4]
print(a, b)
a = b
a += [5]
print(a, b)

matrix = [[0, 0]] * 2 + [[0, 0]]
for row in matrix:
    row[1] += 1
print(matrix)
snapshots = []
state = [0]
for i in range(3):
    state[0] = i
    snapshots.append(state)
print(snapshots)

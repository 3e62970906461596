# matrix addition, multiplication, transpose and determinant with lists of lists
def mat_add(a, b):
    return [[a[i][j] + b[i][j] for j in range(len(a[0]))] for i in range(len(a))]

def mat_mul(a, b):
    n, m, p = len(a), len(b), len(b[0])
    return [[sum([a[i][k] * b[k][j] for k in range(m)]) for j in range(p)] for i in range(n)]

def transpose(a):
    return [[row[j] for row in a] for j in range(len(a[0]))]

def det(a):
    if len(a) == 1:
        return a[0][0]
    total = 0
    for j in range(len(a)):
        minor = [row[:j] + row[j + 1:] for row in a[1:]]
        total += (-1) ** j * a[0][j] * det(minor)
    return total

def show(name, m):
    print(name)
    for row in m:
        print('  ' + ' '.join([f'{v:5}' for v in row]))

A = [[1, 2, 3], [4, 5, 6], [7, 8, 10]]
B = [[2, 0, 1], [1, 3, -1], [0, -2, 4]]
I = [[1 if i == j else 0 for j in range(3)] for i in range(3)]
show('A+B', mat_add(A, B))
show('A*B', mat_mul(A, B))
show('B*A', mat_mul(B, A))
show('A^T', transpose(A))
print(mat_mul(A, I) == A, mat_mul(A, B) == mat_mul(B, A))
print('det A =', det(A), 'det B =', det(B), 'det AB =', det(mat_mul(A, B)))
show('2x3 * 3x2', mat_mul([[1, 2, 3], [4, 5, 6]], [[7, 8], [9, 10], [11, 12]]))
P = A
for _ in range(4):
    P = mat_mul(P, A)
show('A^5', P)

# sorting by multiple keys using repeated stable sorts
def by_name(r):
    return r[0]

def by_dept(r):
    return r[1]

def by_salary(r):
    return r[2]

rows = [('eve', 'ops', 50), ('bob', 'dev', 70), ('amy', 'ops', 70),
        ('dan', 'dev', 50), ('cal', 'qa', 60), ('fay', 'dev', 70)]
rows.sort(key=by_name)
for r in rows:
    print(r)
print('--')
rows.sort(key=by_salary, reverse=True)
for r in rows:
    print(r)
print('--')
rows.sort(key=by_dept)
for r in rows:
    print(r)
print(sorted([3, 1, 2], reverse=True), sorted('hello'))
print(sorted([(2, 'b'), (1, 'z'), (2, 'a'), (1, 'a')]))

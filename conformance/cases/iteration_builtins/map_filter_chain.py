# chains of map and filter consumed lazily
def double(x):
    return x * 2

def over_ten(x):
    return x > 10

def show(x):
    print('visit', x)
    return x

pipeline = filter(over_ten, map(double, map(show, [3, 6, 4, 8, 1])))
print('built')
print(next(pipeline))
print(list(pipeline))
print(list(map(double, filter(over_ten, range(8, 14)))))
print(sum(map(double, range(5))), max(map(abs, [-7, 3])))

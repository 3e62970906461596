# function calls and method chains inside f-strings
def area(w, h):
    return w * h

def greet(n, punct='!'):
    return 'hi ' + n + punct

w = 3
h = 4.5
print(f'area={area(w, h)} perimeter={2 * (w + h)}')
print(f'{greet("bob")} {greet("amy", "?")}')
print(f'{", ".join([str(i) for i in range(4)])}')
print(f'{sorted([3, 1, 2])} {max([1, 9, 3])} {sum(range(5))}')
print(f'{"hello world".title().replace(" ", "_")}')
print(f'{[x * x for x in range(5) if x % 2]}')
print(f'{ {"a": 1}["a"] } { {1, 2} }')

# implicit concatenation of f-strings and plain strings
user = 'ann'
count = 3
msg = (f'user {user} '
       'has '
       f'{count} new message{"s" if count != 1 else ""}')
print(msg)
count = 1
msg = f'user {user} ' f'has {count} new message{"s" if count != 1 else ""}'
print(msg)
parts = []
for i in range(3):
    parts.append(f'{i}:{i ** 2}')
print(' '.join(parts))
print(f'a' 'b' f'{1}' "c")

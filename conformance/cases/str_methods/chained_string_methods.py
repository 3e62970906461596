# chaining several string methods to normalize text
raw = '   Hello,   WORLD!  This   is  a TEST.   '
norm = ' '.join(raw.split()).lower()
print(repr(norm))
print(norm.replace('.', '').replace(',', '').replace('!', '').split())
print(norm.title().swapcase())
print('-'.join(norm.split()[::-1]).upper().center(40, '*'))
slug = ''.join([c if c.isalnum() else '-' for c in raw.strip().lower()])
while '--' in slug:
    slug = slug.replace('--', '-')
print(slug.strip('-'))

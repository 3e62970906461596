# string concatenation, repetition, comparison and membership
a = 'ab'
b = 'cd'
print(a + b, a * 3, 3 * b, a * 0 == '', a * -1 == '')
s = ''
for i in range(5):
    s += str(i)
print(s, len(s))
print('abc' < 'abd', 'abc' < 'ab', 'B' < 'a', 'Z' > 'z', '' < 'a')
print('ell' in 'hello', 'xyz' in 'hello', '' in 'abc', 'H' not in 'hello')
print(min('hello'), max('hello'), sorted('hello'))
print('a' == 'a', 'a' != 'b', 'ab' != 'AB')

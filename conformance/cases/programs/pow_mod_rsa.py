p = 1000000007
q = 998244353
n = p * q
phi = (p - 1) * (q - 1)
e = 65537
d = pow(e, -1, phi)
msg = 123456789
c = pow(msg, e, n)
print(c, pow(c, d, n) == msg, d % 1000)

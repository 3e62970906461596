# classic loops with range: sums, nested tables, countdown
total = 0
for i in range(1, 101):
    total += i
print(total)
for i in range(1, 5):
    row = ''
    for j in range(1, 5):
        row += str(i * j).rjust(4)
    print(row)
for n in range(5, 0, -1):
    print(n, end=' ')
print('liftoff')
evens = 0
for k in range(0, 100, 2):
    if k % 3 == 0:
        continue
    if k > 50:
        break
    evens += k
print(evens)

# text histogram of values bucketed into ranges
data = [3, 7, 12, 15, 15, 18, 21, 22, 22, 22, 27, 31, 35, 38, 41, 44, 44, 47, 49, 2, 9, 19, 25, 33]
width = 10
buckets = {}
for v in data:
    lo = v // width * width
    buckets[lo] = buckets.get(lo, 0) + 1
print(buckets)
top = max(buckets.values())
for lo in sorted(buckets):
    n = buckets[lo]
    print(f'{lo:2d}-{lo + width - 1:2d} | {"#" * n:<{top}} | {n:2d} {n / len(data):6.1%}')
print('vertical:')
keys = sorted(buckets)
for level in range(top, 0, -1):
    print(''.join([' # ' if buckets[k] >= level else '   ' for k in keys]))
print(''.join([f'{k:^3}' for k in keys]))
mean = sum(data) / len(data)
s = sorted(data)
median = (s[len(s) // 2 - 1] + s[len(s) // 2]) / 2
print(f'n={len(data)} mean={mean:.3f} median={median} min={s[0]} max={s[-1]}')

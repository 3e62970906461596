# producing an aligned report using str.format
header = '{:<10}{:>8}{:>10}'
row = '{:<10}{:>8d}{:>10.2f}'
print(header.format('city', 'pop', 'area'))
data = [('Springs', 12000, 45.5), ('Lakeside', 850, 3.25), ('Metro', 1250000, 401.0)]
for city, pop, area in data:
    print(row.format(city, pop, area))
total_pop = sum([p for _, p, _ in data])
print('{:<10}{:>8,d}{:>10}'.format('total', total_pop, '-'))
print('{:=^28}'.format(' end '))

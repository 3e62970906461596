# looking up a missing key ends with KeyError
ages = {'ann': 31, 'bob': 25}
ages['cat'] = 40
for name in ['ann', 'bob', 'cat']:
    print(name, ages[name])
del ages['bob']
print(ages)
print(ages.get('bob'), 'bob' in ages, len(ages))
ages['dan'] = ages.pop('cat') + 1
print(ages, list(ages))
print(ages['bob'])

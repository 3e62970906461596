# handling errors per item inside a loop and continuing
data = ['10', '20', 'x', '0', '5', None, '7']
total = 0
errors = []
for i, item in enumerate(data):
    try:
        v = int(item)
        total += 100 // v
    except ValueError as e:
        errors.append((i, 'ValueError', str(e)))
        continue
    except ZeroDivisionError as e:
        errors.append((i, 'ZeroDivisionError', str(e)))
        continue
    except TypeError as e:
        errors.append((i, 'TypeError', str(e)))
        continue
    print('ok', i, v, total)
print(total)
for err in errors:
    print(err)

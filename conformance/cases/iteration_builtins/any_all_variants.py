# any and all with truthiness of different types
print(any([]), all([]), any([0, '', None]), all([1, 'x', [0]]))
print(any([0, 0, 1]), all([1, 1, 0]), any('abc'), all(''))
print(all([x > 0 for x in [1, 2, 3]]), any([x > 2 for x in [1, 2]]))
print(any({0: 'a'}), all({1: 0}), any((None, 0.0)), all((1.5, -1)))
nums = [12, 18, 24]
print(all([n % 6 == 0 for n in nums]), any([n % 5 == 0 for n in nums]))
print(any(map(str.isdigit, ['a', 'b1', '2'])))
print(any([[], (), {}, set(), 0.0]), all([[0], (0,), {0: 0}, {0}]))
print(all([True, 1, 'False']), any([False, None]))

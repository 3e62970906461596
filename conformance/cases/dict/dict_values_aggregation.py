# aggregating dict values
scores = {'amy': [90, 85, 77], 'ben': [60, 75], 'cal': [88], 'dee': []}
for name, marks in scores.items():
    if marks:
        avg = sum(marks) / len(marks)
        print(name, len(marks), max(marks), round(avg, 2))
    else:
        print(name, 'no marks')
best = {n: max(m) for n, m in scores.items() if m}
print(best)
print(sum([len(m) for m in scores.values()]))
all_marks = []
for m in scores.values():
    all_marks += m
print(sorted(all_marks))

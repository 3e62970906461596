# combining several iteration builtins
def score(p):
    return p[1]

scores = [('ann', 82), ('bob', 95), ('cat', 67), ('dan', 95), ('eve', 71)]
ranked = sorted(scores, key=score, reverse=True)
for rank, (name, s) in enumerate(ranked, 1):
    print(rank, name, s)
print(list(map(score, scores)), sum(map(score, scores)))
print(max(scores, key=score), min(scores, key=score))
print([n for n, _ in scores])
print(all([s > 60 for _, s in scores]), any([s == 100 for _, s in scores]))
print(list(reversed(sorted(map(score, scores)))))

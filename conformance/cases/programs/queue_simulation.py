# a bank-teller queue simulation using lists as queues
arrivals = [(0, 'c1', 3), (1, 'c2', 2), (2, 'c3', 4), (2, 'c4', 1), (6, 'c5', 2), (7, 'c6', 3), (13, 'c7', 1)]
tellers = [None, None]
queue = []
pending = list(arrivals)
waits = {}
t = 0
log = []
while pending or queue or any([x is not None for x in tellers]):
    while pending and pending[0][0] == t:
        at, name, dur = pending.pop(0)
        queue.append((name, dur, at))
    for i in range(len(tellers)):
        if tellers[i] is not None:
            name, left = tellers[i]
            left -= 1
            if left == 0:
                log.append((t, 'done', name, i))
                tellers[i] = None
            else:
                tellers[i] = (name, left)
    for i in range(len(tellers)):
        if tellers[i] is None and queue:
            name, dur, at = queue.pop(0)
            waits[name] = t - at
            tellers[i] = (name, dur)
            log.append((t, 'start', name, i))
    print(f't={t:2d} queue={[q[0] for q in queue]} tellers={tellers}')
    t += 1
    if t > 50:
        break
for entry in log:
    print(entry)
print(waits, 'avg wait', round(sum(waits.values()) / len(waits), 3))

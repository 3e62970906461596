# two-level counting with setdefault
log = [('mon', 'login'), ('mon', 'logout'), ('tue', 'login'), ('mon', 'login'),
       ('wed', 'error'), ('tue', 'login'), ('wed', 'login')]
stats = {}
for day, event in log:
    per_day = stats.setdefault(day, {})
    per_day[event] = per_day.get(event, 0) + 1
print(stats)
for day in stats:
    events = stats[day]
    print(day, sum(events.values()), sorted(events.items()))
print(stats['mon']['login'], stats['wed'].get('logout', 0))

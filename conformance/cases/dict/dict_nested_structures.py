# nested dicts and lists inside dicts
db = {'users': [], 'count': 0}
def add_user(db, name, age):
    db['users'].append({'name': name, 'age': age, 'tags': []})
    db['count'] += 1

add_user(db, 'ann', 31)
add_user(db, 'bob', 25)
db['users'][0]['tags'].append('admin')
db['users'][1]['age'] += 1
print(db)
for u in db['users']:
    print(u['name'], u['age'], u['tags'])
totals = {'a': {'x': 1}, 'b': {'x': 2, 'y': 3}}
totals['a']['y'] = totals['b']['y'] * 10
print(totals)
print(sum([v['x'] for v in totals.values()]))

# using lists as stacks and queues
stack = []
for ch in 'abcde':
    stack.append(ch)
    print('push', ch, stack)
while stack:
    top = stack.pop()
    print('pop', top, stack)
queue = [1, 2, 3]
step = 0
while queue and step < 10:
    item = queue.pop(0)
    print('serve', item, queue)
    if item < 4:
        queue.append(item * 2 + 1)
    step += 1
print('left', queue, step)

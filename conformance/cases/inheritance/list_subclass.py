class Stack(list):
    label = "stack"

    def push(self, item):
        self.append(item)
        return self

    def peek(self):
        return self[-1]

s = Stack()
s.push(3).push(1).push(2)
print(s, len(s), s.peek(), s.label, type(s).__name__, s.__class__.__name__)
print(isinstance(s, list), isinstance(s, Stack), issubclass(Stack, list))
s.sort()
print(s, s == [1, 2, 3], 2 in s, s.pop(), s, sum(s), s + [9])
t = Stack("ab")
print(t, [c.upper() for c in t], bool(Stack()), t[1:], list(reversed(t)))
del t[0]
t.extend(range(2))
print(t, t.index(1), t.count("b"))

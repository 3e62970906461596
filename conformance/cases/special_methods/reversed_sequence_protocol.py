# xfail: reversed() does not yet accept objects with only __len__ and __getitem__
class Word:
    def __init__(self, text):
        self.text = text
    def __len__(self):
        return len(self.text)
    def __getitem__(self, i):
        if i < 0 or i >= len(self.text):
            raise IndexError("word index out of range")
        return self.text[i].upper()

w = Word("python")
print(list(w))
print(list(reversed(w)))
print("".join(reversed(Word("abc"))))
print(list(reversed(Word(""))))

class NoLen:
    def __getitem__(self, i):
        return i
try:
    reversed(NoLen())
except TypeError as e:
    print("TypeError:", e)
try:
    reversed(5)
except TypeError as e:
    print("TypeError:", e)

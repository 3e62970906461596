class Report:
    computations = 0
    def __init__(self, data):
        self.data = data
        self._summary = None

    @property
    def summary(self):
        if self._summary is None:
            Report.computations += 1
            self._summary = (min(self.data), max(self.data), sum(self.data))
        return self._summary

    @property
    def size(self):
        return len(self.data)

r = Report([4, 8, 1, 9])
print(r.summary, r.summary, r.size)
print(Report.computations)
r.data.append(100)
print(r.summary, r.size)
r._summary = None
print(r.summary, Report.computations)

class Duration:
    unit_seconds = {"s": 1, "m": 60, "h": 3600}

    def __init__(self, seconds):
        self.seconds = seconds

    @classmethod
    def parse(cls, text):
        n, unit = int(text[:-1]), text[-1]
        if unit not in cls.unit_seconds:
            raise ValueError(f"unknown unit {unit!r} in {text!r}")
        return cls(n * cls.unit_seconds[unit])

    @staticmethod
    def pad(n):
        return f"{n:02d}"

    @property
    def hms(self):
        h, rest = divmod(self.seconds, 3600)
        m, s = divmod(rest, 60)
        return ":".join([self.pad(h), self.pad(m), self.pad(s)])

    @property
    def minutes(self):
        return self.seconds // 60

    @minutes.setter
    def minutes(self, m):
        self.seconds = m * 60 + self.seconds % 60

for text in ["90s", "5m", "2h", "3d"]:
    try:
        d = Duration.parse(text)
        print(text, d.hms, d.minutes)
    except ValueError as e:
        print("ValueError:", e)
d = Duration(3725)
d.minutes = 1
print(d.hms, d.seconds)

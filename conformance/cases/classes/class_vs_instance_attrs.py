class Config:
    debug = False
    level = 1
    tags = []

    def set_level(self, n):
        self.level = n

a = Config()
b = Config()
print(a.level, b.level, Config.level)
a.set_level(5)
print(a.level, b.level, Config.level)
Config.level = 9
print(a.level, b.level, Config.level)
a.tags.append("shared")
print(b.tags, Config.tags)
b.tags = ["own"]
print(a.tags, b.tags, Config.tags)
del a.level
print(a.level)
Config.debug = True
print(a.debug, b.debug)

class ConfigError(Exception):
    pass

def load(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError(f"bad config value {text!r}") from e

try:
    load("abc")
except ConfigError as e:
    print(e)
    print(type(e.__cause__).__name__, e.__cause__)
try:
    raise ConfigError("no cause") from None
except ConfigError as e:
    print(e, e.__cause__)
print(load("42"))
load("x1")

registry = {}

def register(name=None):
    def deco(fn):
        key = name if name is not None else fn.__name__
        registry[key] = fn
        return fn
    return deco

@register()
def alpha():
    return "A"

@register("beta-handler")
def beta():
    return "B"

@register(name="g")
def gamma():
    return "G"

for key in sorted(registry):
    print(key, registry[key]())
print(alpha(), beta.__name__)

def lookup(key):
    try:
        return registry[key]()
    except KeyError as e:
        return "missing " + repr(e.args[0])
print(lookup("g"), lookup("delta"))

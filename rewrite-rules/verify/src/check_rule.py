"""Checks one rewrite rule against CPython: evaluates both sides on generated
values, edge cases first, and reports the first disagreement. Equal means the
same type, the same value (nan equals nan, -0.0 differs from 0.0) and, when a
side raises, the same exception type. Run by skink-rules-verify through the
oracle; SPEC is filled in before the run."""
import itertools
import json
import math
import random
import struct

INT_EDGES = [
    0, 1, -1, 2, -2, 3, -3, 7, 8, 255, 256, 1000, -1000,
    2**31 - 1, 2**31, 2**62, 2**63 - 1, 2**63, -(2**63), -(2**63) - 1,
    2**64, -(2**64), 10**30, -(10**30), 2**100 + 7, -(2**100) - 7,
]
FLOAT_EDGES = [
    0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, 3.0, 0.1, 1 / 3, 1e16, 2.0**53 + 2,
    float("nan"), float("inf"), float("-inf"), 5e-324, -5e-324,
    2.2250738585072014e-308, 1e-310, 1.7976931348623157e308,
    -1.7976931348623157e308, 8.98846567431158e307,
]
EDGES = {"int": INT_EDGES, "float": FLOAT_EDGES, "bool": [False, True]}
RANDOM_CASES = 400
MAX_EDGE_CASES = 800


def random_value(rng, ty):
    if ty == "bool":
        return rng.random() < 0.5
    k = rng.random()
    if ty == "int":
        if k < 0.4:
            return rng.randint(-100, 100)
        if k < 0.8:
            return rng.randint(-(2**64), 2**64)
        return rng.randint(-(2**200), 2**200)
    if k < 0.4:
        return rng.uniform(-100.0, 100.0)
    if k < 0.7:
        # Any bit pattern: subnormals, nans with payloads, huge and tiny values.
        return struct.unpack("<d", rng.getrandbits(64).to_bytes(8, "little"))[0]
    return rng.choice(FLOAT_EDGES) * rng.choice([1.0, -1.0, 0.5, 2.0])


def cases(types, rng):
    edge = list(itertools.product(*(EDGES[t] for t in types)))
    yield from edge[:MAX_EDGE_CASES]
    for _ in range(RANDOM_CASES):
        yield tuple(random_value(rng, t) for t in types)


def same(a, b):
    if type(a) is not type(b):
        return False
    if type(a) is float:
        if math.isnan(a) or math.isnan(b):
            return math.isnan(a) and math.isnan(b)
        return a == b and math.copysign(1.0, a) == math.copysign(1.0, b)
    return a == b


def outcome(side, args):
    try:
        return ("value", side(*args))
    except Exception as e:  # the exception type is part of the meaning
        return ("raise", type(e).__name__)


def show(o):
    if o[0] == "raise":
        return "raises " + o[1]
    return f"{o[1]!r} ({type(o[1]).__name__})"


def agree(left, right):
    if left[0] != right[0]:
        return False
    return same(left[1], right[1]) if left[0] == "value" else left[1] == right[1]


def check(spec):
    lhs = eval(spec["lhs"])
    rhs = eval(spec["rhs"])
    rng = random.Random(spec["seed"])
    n = 0
    for types in spec["typings"]:
        for args in cases(types, rng):
            n += 1
            left = outcome(lhs, args)
            right = outcome(rhs, args)
            if not agree(left, right):
                values = ", ".join(f"?{v} = {a!r}" for v, a in zip(spec["vars"], args))
                return {
                    "cases": n,
                    "counterexample": f"{values}: the left side gives {show(left)}, "
                    f"the right side {show(right)}",
                }
    return {"cases": n, "counterexample": None}


print(json.dumps(check(SPEC)))

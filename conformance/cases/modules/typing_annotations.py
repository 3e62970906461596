from __future__ import annotations
from typing import Dict, List, Optional, Tuple
from collections.abc import Iterable

class Inventory:
    items: Dict[str, int]

    def __init__(self) -> None:
        self.items = {}

    def add(self, name: str, count: int = 1) -> Inventory:
        self.items[name] = self.items.get(name, 0) + count
        return self

    def top(self, n: int) -> List[Tuple[str, int]]:
        return sorted(self.items.items(), key=lambda kv: (-kv[1], kv[0]))[:n]

def total(values: Iterable[int], start: Optional[int] = None) -> int:
    result: int = start or 0
    for v in values:
        result += v
    return result

inv = Inventory().add("apple", 3).add("pear").add("apple", 2).add("fig", 4)
print(inv.top(2), total(inv.items.values()), total([1, 2], 10))

"""``python -m knowledge``: validate the knowledge base and print a summary (exit 1 with every problem)."""

import sys
from collections import Counter

from .loader import KnowledgeError, load


def main() -> int:
    try:
        kb = load()
    except KnowledgeError as exc:
        print(exc, file=sys.stderr)
        return 1
    kinds = Counter(e.kind for e in kb.entities.values())
    print(f"ok: {len(kb.facts)} facts, {len(kb.cities)} areas, "
          + ", ".join(f"{n} {k}s" for k, n in sorted(kinds.items()))
          + f", {len(kb.dimensions)} dimensions, {len(kb.places)} places, {len(kb.sources)} sources")
    return 0


sys.exit(main())

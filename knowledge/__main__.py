"""``python -m knowledge``: validate the knowledge base and print a summary (exit 1 with every problem)."""

import sys

from .loader import KnowledgeError, load


def main() -> int:
    try:
        kb = load()
    except KnowledgeError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"ok: {len(kb.cities)} cities, {len(kb.entries)} entries, {len(kb.sources)} sources, "
          f"{len(kb.dimensions)} dimensions, {len(kb.places)} places, "
          f"{len(kb.programme.timeline)} timeline items, {len(kb.programme.totals)} totals")
    return 0


sys.exit(main())

"""The platform-neutral reply the dialogue returns; channel adapters render it."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from knowledge.composer import Card

__all__ = ["Reply", "Card"]


@dataclass
class Reply:
    """What the bot says, and why (intent, confidence, entities) for APIs, logs and metrics."""

    text: str
    lang: str
    intent: str
    confidence: float
    fallback: bool = False
    quick_replies: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    entities: dict = field(default_factory=dict)
    card: Card | None = None
    source_links: list[dict] = field(default_factory=list)  # {"label", "title", "url"}: sources with an address
    retry_after: int | None = None  # rate-limited: seconds until the user may write again
    inbox_group: str | None = None  # the fallback's question went to this inbox group (offer to tell later)

    def to_api(self) -> dict:
        """The ``/api/ask`` JSON body (docs/architecture.md, "Contracts")."""
        return {
            "answer": self.text,
            "intent": self.intent,
            "confidence": round(float(self.confidence), 4),
            "entities": self.entities,
            "fallback": self.fallback,
            "lang": self.lang,
            "quick_replies": list(self.quick_replies),
            "sources": list(self.sources),
            "source_links": [dict(link) for link in self.source_links],  # added to the contract's fields
            **({"card": asdict(self.card)} if self.card else {}),
        }

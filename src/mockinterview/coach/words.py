"""The coach's word tables, in one place: abbreviations, stop words, negation, word forms.

Every table is lowercase. ``docs/coach.md`` describes how each is used; change them
here and the matcher, the diagram check and the figure check all follow.
"""

from __future__ import annotations

from typing import Final


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Abbreviations and what they stand for, matched both ways: ``LB`` in the notes
#: covers a phrase "load balancer", and "load balancer" in the notes covers ``LB``.
#: A trailing plural ``s`` is accepted (``LBs``, ``DBs``). Number suffixes (``1.2K``,
#: ``100M``, ``10B``) are never read as abbreviations: they belong to the number.
ABBREVIATIONS: Final[dict[str, str]] = {
    "lb": "load balancer",
    "cdn": "content delivery network",
    "qps": "queries per second",
    "rps": "requests per second",
    "tps": "transactions per second",
    "db": "database",
    "rdbms": "relational database",
    "mq": "message queue",
    "kv": "key value",
    "ttl": "time to live",
    "lru": "least recently used",
    "dns": "domain name system",
    "dau": "daily active users",
    "mau": "monthly active users",
    "gw": "gateway",
    "pk": "primary key",
    "fk": "foreign key",
    "ws": "websocket",
    "k8s": "kubernetes",
    "msg": "message",
    "avg": "average",
    "sec": "second",
    "hr": "hour",
    "yr": "year",
    "req": "request",
    "async": "asynchronous",
    "sync": "synchronous",
    "pubsub": "publish subscribe",
    "2pc": "two phase commit",
    "acl": "access control list",
    "spof": "single point of failure",
    "sla": "service level agreement",
    "slo": "service level objective",
}

#: Irregular word forms the stemmer does not join, mapped to the form it does.
WORD_FORMS: Final[dict[str, str]] = {
    "indices": "index",
    "vertices": "vertex",
    "matrices": "matrix",
    "schemata": "schema",
    "criteria": "criterion",
    "analyses": "analysis",
    "written": "write",
    "wrote": "write",
    "chosen": "choose",
    "chose": "choose",
    "built": "build",
    "sent": "send",
    "kept": "keep",
    "fed": "feed",
    "held": "hold",
    "daily": "day",
    "hourly": "hour",
    "weekly": "week",
    "monthly": "month",
    "yearly": "year",
    "annual": "year",
    "sold": "sell",
    "spent": "spend",
}

#: Words dropped before matching (a phrase's content words are what is left).
STOP_WORDS: Final[frozenset[str]] = _set(
    """
    a an the of to in on at by for from with as into onto via per
    is are was were be been being am it its this that these those there here
    and or but if then so than too very also just only even still
    can could should would will shall may might must do does did done doing
    have has had having i we you they he she them us our your their my me his her
    use uses used using need needs needed some any each every all both such
    about over under what which who whom when where how why whether
    let lets make makes made
    """
)

#: Words that negate what follows (see NEGATION_WINDOW). Any word ending in ``n't``
#: negates too (``don't``, ``doesn't``, ``isn't``, ``won't``, ``can't``).
NEGATORS: Final[frozenset[str]] = _set(
    """
    no not without never none nor cannot
    dont doesnt didnt isnt arent wasnt werent wont cant couldnt shouldnt wouldnt
    havent hasnt hadnt neednt
    """
)

#: Two-word negators: "a queue instead of a cache", "push rather than pull".
NEGATOR_PAIRS: Final[frozenset[tuple[str, str]]] = frozenset({("instead", "of"), ("rather", "than")})

#: A negation reaches this many content words after the negator (stop words are not
#: counted): "not using a distributed cache" negates "distributed" and "cache".
NEGATION_WINDOW: Final = 3

#: Right after a negator these cancel it: "not only a cache", "not just push".
NEGATION_CANCELS: Final[frozenset[str]] = frozenset({"only", "just", "merely", "simply", "necessarily"})

#: Words that end a negation's reach (as do , ; : . ! ? and brackets).
SCOPE_ENDS: Final[frozenset[str]] = _set(
    """
    and but so then instead rather because since while although though however whereas yet
    except unless otherwise plus
    """
)

#: Real words that are never read as a typo of another word, although they are
#: within the typo threshold of one (measured in docs/coach.md): "shared" is not a
#: misspelt "shard", "pooling" is not "polling".
NOT_TYPOS: Final[frozenset[str]] = _set(
    """
    shared shares sharded shard pooling polling pooled polled context content contents
    counted counter product produce producer products consume consumer tropic topic
    hotshot hotspot leader loader header reader served server serves ranker ranked
    fellow follow follows stream streak lease least leased schema scheme schemes
    """
)

#: Typos are tried only for words at least this long (on both sides).
TYPO_MIN_LENGTH: Final = 5

#: rapidfuzz ``fuzz.ratio`` (0-100) at or above which a word is read as a typo of a
#: key point's word, when both start with the same letter. Measured: docs/coach.md.
TYPO_THRESHOLD: Final = 86.0

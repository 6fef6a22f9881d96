"""A small scenario-like fixture for the coach tests, built with the coaching models.

The bundled scenarios get key points later; this one is modelled on the social media
feed (push, pull and hybrid fan-out; a cache; the capacity figures).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from mockinterview.content.coaching import Architecture, Component, Curveball, FigureTarget, KeyPoint
from mockinterview.content.scenario import Assumption, Estimation, Figure, Unit


@dataclass(frozen=True)
class FakePhase:
    id: str
    kind: str
    title: str
    key_points: Sequence[KeyPoint] = ()
    curveballs: Sequence[Curveball] = ()


@dataclass(frozen=True)
class FakeScenario:
    id: str
    phases: Sequence[FakePhase]
    architecture: Architecture | None = None
    estimation: Estimation | None = None
    extra: dict[str, str] = field(default_factory=dict)


def kp(pid: str, *terms: str, criteria: Sequence[str] = ("system_design_knowledge",), **kw: object) -> KeyPoint:
    return KeyPoint.model_validate({"id": pid, "text": f"Covers {pid}", "criteria": list(criteria), "terms": list(terms), **kw})


ESTIMATION = Estimation(
    assumptions=[
        Assumption(name="dau", label="Daily active users", value=200e6, unit=Unit.count),
        Assumption(name="tweets_per_day", label="Tweets posted per day", value=100e6, unit=Unit.per_day),
        Assumption(name="peak_factor", label="Peak-to-average ratio", value=3, unit=Unit.ratio),
        Assumption(name="tweet_size", label="Average tweet size", value=1000, unit=Unit.bytes),
        Assumption(name="checks", label="Timeline checks per user per day", value=10, unit=Unit.per_day),
        Assumption(name="avg_followers", label="Average followers per user", value=200, unit=Unit.count),
    ],
    figures=[
        Figure(name="tweets_per_second", label="Tweets per second (average)", formula="tweets_per_day / 86400", unit=Unit.per_second),
        Figure(name="peak_tweets_per_second", label="Tweets per second at peak", formula="tweets_per_second * peak_factor", unit=Unit.per_second),
        Figure(name="daily_storage", label="Daily tweet storage", formula="tweets_per_day * tweet_size", unit=Unit.bytes_per_day),
        Figure(name="timeline_requests_per_day", label="Timeline requests per day", formula="dau * checks", unit=Unit.per_day),
        Figure(name="avg_timeline_rps", label="Timeline requests per second (average)", formula="timeline_requests_per_day / 86400", unit=Unit.per_second),
        Figure(name="fanout_writes_per_second", label="Fan-out writes per second (average)", formula="tweets_per_second * avg_followers", unit=Unit.per_second),
    ],
)

ARCHITECTURE = Architecture(
    components=[
        Component(name="Client", aliases=["mobile app", "browser"]),
        Component(name="Load Balancer"),
        Component(name="API Gateway", aliases=["API"]),
        Component(name="Tweet Service"),
        Component(name="Fan-out Service", aliases=["fanout worker"]),
        Component(name="Message Queue", aliases=["Kafka", "queue"]),
        Component(name="Timeline Cache", aliases=["cache", "Redis"]),
        Component(name="Tweet DB", aliases=["tweet store", "Cassandra"]),
    ],
    flows=[
        ("Client", "Load Balancer"),
        ("Load Balancer", "API Gateway"),
        ("API Gateway", "Tweet Service"),
        ("Tweet Service", "Tweet DB"),
        ("Tweet Service", "Message Queue"),
        ("Message Queue", "Fan-out Service"),
        ("Fan-out Service", "Timeline Cache"),
        ("API Gateway", "Timeline Cache"),
    ],
)

CELEBRITY = Curveball(
    id="celebrity",
    at=0.6,
    announce="A celebrity with 50 million followers joins and posts.",
    key_points=[
        kp("celebrity-pull", "pull for celebrities", "fan-out on read for celebrities", "merge celebrity tweets at read time",
           criteria=["handles_scale", "edge_cases"]),
    ],
)

HIGH_LEVEL = FakePhase(
    id="high-level-architecture",
    kind="high_level_design",
    title="High-Level Architecture",
    key_points=[
        kp("push-fanout", "fan-out on write", "push model", "precompute timelines", criteria=["system_design_knowledge", "scalability_understanding"]),
        kp("pull-fanout", "fan-out on read", "pull model", criteria=["system_design_knowledge"]),
        kp("hybrid-fanout", "hybrid fan-out", "hybrid approach", "hybrid model", criteria=["trade_off_analysis", "innovation"],
           probe="Is there something between push and pull?", reference="Hybrid Approach"),
        kp("timeline-cache", "caching layer", "timeline cache", "cache timelines", criteria=["system_design_knowledge", "scalability_understanding"]),
        kp("async-queue", "message queue", "kafka", "asynchronous fan-out", criteria=["system_design_knowledge", "operational_awareness"]),
        kp("load-balancer", "load balancer", criteria=["system_design_knowledge"]),
        kp("consistency", criteria=["trade_off_analysis"], all_of=["eventual consistency | eventually consistent", "latency | fast reads"]),
    ],
    curveballs=[CELEBRITY],
)

ESTIMATION_PHASE = FakePhase(
    id="capacity-estimation",
    kind="estimation",
    title="Capacity Estimation",
    key_points=[
        kp("write-qps", "write qps", "writes per second", "tweets per second", criteria=["scalability_understanding"],
           figure=FigureTarget(name="tweets_per_second")),
        kp("storage", "daily storage", "storage per day", criteria=["scalability_understanding"],
           figure=FigureTarget(name="daily_storage")),
        kp("read-heavy", "read heavy", "reads outnumber writes", criteria=["scalability_understanding", "problem_clarification"]),
        kp("peak-value", criteria=["handles_scale"], figure=FigureTarget(value=3500, unit=Unit.per_second)),
    ],
)

REQUIREMENTS = FakePhase(
    id="requirements",
    kind="requirements",
    title="Requirements Clarification",
    key_points=[
        kp("latency-target", "timeline under 200ms", "latency target", criteria=["problem_clarification", "meets_requirements"]),
        kp("availability", "99.99% availability", "high availability", criteria=["problem_clarification"]),
    ],
)

WRAP = FakePhase(id="wrap-up", kind="wrap_up", title="Wrap-up")

SCENARIO = FakeScenario(
    id="feed-fixture",
    phases=[REQUIREMENTS, ESTIMATION_PHASE, HIGH_LEVEL, WRAP],
    architecture=ARCHITECTURE,
    estimation=ESTIMATION,
)

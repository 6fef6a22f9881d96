"""Benchmark: the coach checking 5,000 lines of notes (key points, diagram, figures).

A script, not a test: it prints figures and asserts nothing. Target: under 20 ms, so
the room can re-check as the candidate types.

    .venv/bin/python bench/bench_coach.py             # 5,000 lines, 40 points, 21 runs
    .venv/bin/python bench/bench_coach.py --lines 20000 --runs 11

The scenario is built here: 40 key points over four phases (three to four phrases
each, a few all_of and figure points, one curveball), a reference architecture of ten
components and twelve flows, and the social media feed's estimation (seven figures).
The notes are 5,000 lines drawn with a fixed seed from a system-design vocabulary
(almost all distinct: random choices of 6 to 14 words): prose with some matching
phrases, typos, negations, numbers with units (about one line in eight) and arrow
diagrams (one in twenty).

Each run checks every phase's key points against all the lines (as ``review`` does
for a file without headings), then the diagram, then the figures. Three cases:

* **warm, one line edited**: the same ``Coach`` as the previous run, with one line
  changed, as when the candidate types (the case the 20 ms target is for);
* **cold caches**: the same ``Coach`` with every cache emptied first (stems, token
  meanings, line keys, parsed quantities), so every line is worked out again;
* **new Coach**: compiling the scenario as well (what opening the room costs once).
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from mockinterview.coach import normalize
from mockinterview.coach.engine import Coach
from mockinterview.coach.matcher import numbered
from mockinterview.content.coaching import Architecture, Component, Curveball, FigureTarget, KeyPoint
from mockinterview.content.scenario import Assumption, Estimation, Figure, Unit

TARGET_MS = 20.0

TOPICS = [
    ("push", ["fan-out on write", "push model", "precompute timelines"]),
    ("pull", ["fan-out on read", "pull model", "build timeline at read time"]),
    ("hybrid", ["hybrid fan-out", "hybrid approach", "push for most pull for celebrities"]),
    ("cache", ["caching layer", "timeline cache", "cache timelines", "redis cache"]),
    ("queue", ["message queue", "kafka", "asynchronous fan-out"]),
    ("lb", ["load balancer", "round robin", "health checks"]),
    ("cdn", ["cdn for media", "content delivery network", "edge caching"]),
    ("shard", ["shard by user id", "sharding", "partition by user"]),
    ("hash", ["consistent hashing", "hash ring", "virtual nodes"]),
    ("replica", ["read replicas", "replication", "leader follower"]),
    ("consistency", ["eventual consistency", "eventually consistent"]),
    ("latency", ["timeline under 200ms", "latency target", "p99 latency"]),
    ("availability", ["99.99% availability", "high availability", "no single point of failure"]),
    ("rate", ["rate limiting", "token bucket", "throttle writes"]),
    ("index", ["index on user id", "secondary index", "composite index"]),
    ("ttl", ["cache ttl", "expire old entries", "time to live"]),
    ("idempotent", ["idempotent writes", "deduplicate retries", "idempotency key"]),
    ("monitor", ["monitoring and alerting", "metrics dashboards", "tracing"]),
    ("failover", ["automatic failover", "multi region", "disaster recovery"]),
    ("ranking", ["ranked timeline", "chronological order", "ranking model"]),
    ("pagination", ["cursor pagination", "page tokens", "infinite scroll"]),
    ("media", ["object storage for media", "s3 for images", "blob store"]),
    ("search", ["search index", "inverted index", "elasticsearch"]),
    ("notify", ["push notifications", "websocket updates", "long polling"]),
    ("delete", ["tweet deletion", "tombstones", "remove from timelines"]),
    ("celebrity", ["celebrity accounts", "millions of followers", "hot keys"]),
    ("batch", ["batch writes", "write batching", "bulk insert"]),
    ("compress", ["compression", "gzip responses", "compact encoding"]),
    ("security", ["authentication", "oauth tokens", "access control list"]),
    ("schema", ["tweets table", "follows table", "user id primary key"]),
    ("api", ["rest api", "post tweet endpoint", "get timeline endpoint"]),
    ("backpressure", ["backpressure", "bounded queues", "shed load"]),
    ("warm", ["cache warming", "preload active users", "warm the cache"]),
    ("inactive", ["skip inactive users", "only active users", "lazy timeline build"]),
    ("geo", ["geo distribution", "regional clusters", "data locality"]),
    ("cost", ["storage cost", "cold storage", "tiered storage"]),
]
FILLER = ["we", "then", "think", "about", "the", "users", "and", "the", "service", "and", "how", "requests", "flow", "through", "the", "system", "over", "time", "with", "some", "trade", "offs", "around", "cost", "complexity", "and", "operations", "for", "the", "team", "plus", "what", "happens", "when", "things", "go", "wrong", "at", "night", "or", "during", "a", "launch", "and", "how", "we", "would", "explain", "it", "to", "the", "interviewer"]
TYPOS = {"cache": "cahce", "database": "databse", "timeline": "timline", "replication": "replicaton", "message": "mesage"}


@dataclass(frozen=True)
class Phase:
    id: str
    kind: str
    title: str
    key_points: Sequence[KeyPoint]
    curveballs: Sequence[Curveball] = ()


@dataclass(frozen=True)
class Scenario:
    id: str
    phases: Sequence[Phase]
    architecture: Architecture | None
    estimation: Estimation | None


def build_scenario() -> Scenario:
    points = [
        KeyPoint(id=f"{name}-point", text=f"Covers {name}", criteria=["system_design_knowledge"], terms=terms)
        for name, terms in TOPICS
    ]
    points.append(
        KeyPoint(id="push-and-pull", text="Both", criteria=["trade_off_analysis"], all_of=["push | fan-out on write", "pull | fan-out on read"])
    )
    points.append(
        KeyPoint(id="write-qps", text="Write QPS", criteria=["scalability_understanding"], terms=["write qps", "tweets per second"],
                 figure=FigureTarget(name="tweets_per_second"))
    )
    points.append(
        KeyPoint(id="storage", text="Storage", criteria=["scalability_understanding"], terms=["daily storage"],
                 figure=FigureTarget(name="daily_storage"))
    )
    curveball = Curveball(
        id="ten-x", at=0.5, announce="Peak traffic just became 10x.",
        key_points=[KeyPoint(id="autoscale", text="Autoscale", criteria=["handles_scale"], terms=["autoscaling", "add capacity", "scale out"])],
    )
    phases = [
        Phase(f"phase-{i}", kind, kind.replace("_", " ").title(), points[i * 10 : (i + 1) * 10], (curveball,) if i == 2 else ())
        for i, kind in enumerate(["requirements", "estimation", "high_level_design", "deep_dive"])
    ]
    names = ["Client", "Load Balancer", "API Gateway", "Tweet Service", "Fan-out Service", "Message Queue",
             "Timeline Cache", "Tweet DB", "User DB", "CDN"]
    architecture = Architecture(
        components=[Component(name=n, aliases=[n.split()[0]] if " " in n and n.split()[0] not in ("Tweet", "User") else [])
                    for n in names],
        flows=[("Client", "Load Balancer"), ("Load Balancer", "API Gateway"), ("API Gateway", "Tweet Service"),
               ("Tweet Service", "Tweet DB"), ("Tweet Service", "Message Queue"), ("Message Queue", "Fan-out Service"),
               ("Fan-out Service", "Timeline Cache"), ("API Gateway", "Timeline Cache"), ("API Gateway", "User DB"),
               ("Client", "CDN"), ("Fan-out Service", "User DB"), ("Timeline Cache", "Tweet DB")],
    )
    estimation = Estimation(
        assumptions=[
            Assumption(name="dau", label="Daily active users", value=200e6, unit=Unit.count),
            Assumption(name="tweets_per_day", label="Tweets per day", value=100e6, unit=Unit.per_day),
            Assumption(name="peak_factor", label="Peak factor", value=3, unit=Unit.ratio),
            Assumption(name="tweet_size", label="Tweet size", value=1000, unit=Unit.bytes),
            Assumption(name="checks", label="Timeline checks per user per day", value=10, unit=Unit.per_day),
            Assumption(name="followers", label="Average followers", value=200, unit=Unit.count),
        ],
        figures=[
            Figure(name="tweets_per_second", label="Tweets per second (average)", formula="tweets_per_day / 86400", unit=Unit.per_second),
            Figure(name="peak_tweets_per_second", label="Tweets per second at peak", formula="tweets_per_second * peak_factor", unit=Unit.per_second),
            Figure(name="daily_storage", label="Daily tweet storage", formula="tweets_per_day * tweet_size", unit=Unit.bytes_per_day),
            Figure(name="timeline_requests_per_day", label="Timeline requests per day", formula="dau * checks", unit=Unit.per_day),
            Figure(name="avg_timeline_rps", label="Timeline requests per second (average)", formula="timeline_requests_per_day / 86400", unit=Unit.per_second),
            Figure(name="peak_timeline_rps", label="Timeline requests per second at peak", formula="avg_timeline_rps * peak_factor", unit=Unit.per_second),
            Figure(name="fanout_writes_per_second", label="Fan-out writes per second", formula="tweets_per_second * followers", unit=Unit.per_second),
        ],
    )
    return Scenario("bench", phases, architecture, estimation)


def build_notes(n: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    comps = ["Client", "LB", "API", "Tweet Service", "[Tweet DB]", "Kafka", "fanout service", "Redis cache", "User DB", "CDN", "Search"]
    numbers = ["write QPS ~{:.1f}K/s", "storage {}TB", "{},400 peak", "~{}k req/s", "reads: {}B/day", "{}00GB/day storage",
               "fan-out = {}40K writes/s", "latency -> must be < {}00ms"]
    lines: list[str] = []
    for _ in range(n):
        r = rng.random()
        if r < 0.05:
            chain = rng.sample(comps, rng.randint(2, 5))
            lines.append(" -> ".join(chain))
        elif r < 0.175:
            template = rng.choice(numbers)
            lines.append(f"{template.format(rng.randint(1, 9))} {' '.join(rng.sample(FILLER, 4))}")
        else:
            words = rng.sample(FILLER, rng.randint(6, 14))
            if rng.random() < 0.35:
                phrase = rng.choice(rng.choice(TOPICS)[1])
                if rng.random() < 0.2:
                    phrase = "no " + phrase
                words.insert(rng.randint(0, len(words)), phrase)
            if rng.random() < 0.1:
                word = rng.choice(list(TYPOS))
                words.insert(rng.randint(0, len(words)), TYPOS[word])
            lines.append(" ".join(words))
    return lines


def check(coach: Coach, lines: Sequence[tuple[int, str]]) -> tuple[int, int, int]:
    figures = coach.check_figures(lines)
    checklists = coach.check_phases(lines, figures=figures)
    diagram = coach.check_diagram(lines)
    covered = sum(c.detected for c in checklists.values())
    return covered, 0 if diagram is None else len(diagram.edges), 0 if figures is None else len(figures.evidence)


def clear(coach: Coach) -> None:
    normalize.clear_caches()
    coach.clear_caches()


def timed(runs: int, setup: Callable[[int], None], body: Callable[[], object]) -> list[float]:
    out: list[float] = []
    for i in range(runs):
        setup(i)
        t0 = time.perf_counter()
        body()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def report(name: str, ms: list[float]) -> None:
    med = statistics.median(ms)
    print(f"{name:28s} median {med:7.2f} ms  min {min(ms):7.2f} ms  max {max(ms):7.2f} ms  ratio to {TARGET_MS:g} ms: {med / TARGET_MS:.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=21)
    args = ap.parse_args()

    scenario = build_scenario()
    points = sum(len(p.key_points) + sum(len(c.key_points) for c in p.curveballs) for p in scenario.phases)
    text = build_notes(args.lines)
    lines = numbered("\n".join(text))
    coach = Coach(scenario)
    covered, edges, figures = check(coach, lines)
    distinct = len({t for _, t in lines})
    print(f"{len(lines):,} lines ({distinct:,} distinct), {points} key points, {covered} detected; "
          f"{edges} diagram edges; {figures} figures attached")

    state = {"lines": list(lines)}

    def edit(i: int) -> None:
        cur = state["lines"]
        k = (i * 7919) % len(cur)
        no, line = cur[k]
        cur[k] = (no, line + " x")

    report("warm, one line edited", timed(args.runs, edit, lambda: check(coach, state["lines"])))
    report("cold caches", timed(args.runs, lambda _: clear(coach), lambda: check(coach, lines)))

    def fresh() -> None:
        normalize.clear_caches()
        check(Coach(scenario), lines)

    report("new Coach (compile + check)", timed(max(3, args.runs // 3), lambda _: None, fresh))
    t0 = time.perf_counter()
    for _ in range(20):
        Coach(scenario)
    print(f"{'compile only (warm stems)':28s} {(time.perf_counter() - t0) * 1000 / 20:7.2f} ms per Coach")


if __name__ == "__main__":
    main()

"""The Cypher the Neo4j store runs, kept apart from the Python that prepares its parameters.

Every value comes in as a parameter. The only text ever formatted into a query is (a) a label taken
from the fixed whitelists in `graph.neo4j_store`, (b) a validated integer (hop bound, k), or (c) one of
the fixed predicate fragments built in `graph.neo4j_store._event_predicate`.
"""

from __future__ import annotations

# ---------------------------------------------------------------- schema (idempotent)

SCHEMA = (
    "CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT alias_norm IF NOT EXISTS FOR (n:Alias) REQUIRE n.norm IS UNIQUE",
    "CREATE CONSTRAINT interacted_pair IF NOT EXISTS FOR ()-[r:INTERACTED]-() REQUIRE r.pair IS UNIQUE",
    "CREATE CONSTRAINT meta_key IF NOT EXISTS FOR (n:DipgraphMeta) REQUIRE n.key IS UNIQUE",
    "CREATE INDEX actor_name IF NOT EXISTS FOR (n:Actor) ON (n.name)",
    "CREATE INDEX actor_country IF NOT EXISTS FOR (n:Actor) ON (n.country)",
    "CREATE INDEX alias_actor IF NOT EXISTS FOR (n:Alias) ON (n.actor)",
    "CREATE TEXT INDEX alias_norm_text IF NOT EXISTS FOR (n:Alias) ON (n.norm)",
    "CREATE INDEX event_sort IF NOT EXISTS FOR (n:Event) ON (n.sd)",
    "CREATE INDEX event_date_start IF NOT EXISTS FOR (n:Event) ON (n.date_start)",
    "CREATE INDEX event_type IF NOT EXISTS FOR (n:Event) ON (n.type)",
    "CREATE INDEX event_cameo IF NOT EXISTS FOR (n:Event) ON (n.cameo)",
    "CREATE INDEX place_name IF NOT EXISTS FOR (n:Place) ON (n.name)",
    "CREATE INDEX source_dataset IF NOT EXISTS FOR (n:Source) ON (n.dataset)",
    ("CREATE FULLTEXT INDEX actor_names IF NOT EXISTS FOR (n:Actor) ON EACH [n.name, n.aliases] "
     "OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}}"),
)
AWAIT_INDEXES = "CALL db.awaitIndexes($seconds)"

# ---------------------------------------------------------------- writing

EXISTING_ACTORS = "UNWIND $ids AS id MATCH (a:Actor {id: id}) RETURN a {.*} AS a"
EXISTING_ACTOR_IDS = "UNWIND $ids AS id MATCH (a:Actor {id: id}) RETURN a.id AS id"
EXISTING_EVENTS = ("UNWIND $ids AS id MATCH (e:Event {id: id}) "
                   "RETURN e.id AS id, e.src AS src, e.also AS also, e.confidence AS confidence")
NEXT_SEQ = ("MERGE (m:DipgraphMeta {key: 'event_seq'}) ON CREATE SET m.value = 0 "
            "SET m.value = m.value + $n RETURN m.value - $n AS base")
CREATE_ACTORS = "UNWIND $rows AS r CREATE (a{labels}) SET a = r.p"  # `{labels}`: ":Actor" + a whitelisted kind label
UPDATE_ACTORS = "UNWIND $rows AS r MATCH (a:Actor {id: r.p.id}) SET a = r.p SET a:$(r.labels)"
SET_ACTOR_SIGS = "UNWIND $rows AS r MATCH (a:Actor {id: r.id}) SET a.sig = r.sig"
CLAIM_ALIASES = "UNWIND $rows AS r MERGE (al:Alias {norm: r.norm}) ON CREATE SET al.actor = r.actor"
MERGE_PLACES = "UNWIND $rows AS r MERGE (p:Place {id: r.id}) ON CREATE SET p += r.p"
MERGE_SOURCES = "UNWIND $rows AS r MERGE (s:Source {id: r.id}) ON CREATE SET s += r.p"
# Events are created with the static label only (one plan, reused); the whitelisted type label is added at
# the end with a dynamic label, after the reads that a label could otherwise affect.
CREATE_EVENTS = """
UNWIND $rows AS r
CREATE (e:Event {id: r.id, type: r.type, mode: r.mode, cameo: r.cameo, date: r.date, precision: r.precision,
  date_start: r.date_start, date_end: r.date_end, status: r.status, confidence: r.confidence, sd: r.sd, seq: r.seq,
  dataset: r.dataset, parts: r.parts, src: r.src, also: r.also, loc: r.loc,
  attrs: r.attrs, absent: r.absent, extra: r.extra})
WITH e, r
CALL (e, r) {
  UNWIND r.links AS link
  MATCH (a:Actor {id: link[0]})
  CREATE (a)-[:PARTICIPATED_IN {role: link[1]}]->(e)
}
CALL (e, r) {
  MATCH (p:Place {id: r.place})
  CREATE (e)-[:AT]->(p)
}
CALL (e, r) {
  UNWIND r.reps AS rep
  MATCH (s:Source {id: rep.sid})
  CREATE (e)-[:REPORTED_IN {primary: rep.primary, native_id: rep.native_id, sentence: rep.sentence,
    start: rep.start, end: rep.end, extractor: rep.extractor}]->(s)
}
SET e:$(r.labels)
"""
ADD_REPORTS = """
UNWIND $rows AS r
MATCH (e:Event {id: r.id})
SET e.also = r.also, e.confidence = r.confidence
WITH e, r
CALL (e, r) {
  UNWIND r.reps AS rep
  MATCH (s:Source {id: rep.sid})
  CREATE (e)-[:REPORTED_IN {primary: rep.primary, native_id: rep.native_id, sentence: rep.sentence,
    start: rep.start, end: rep.end, extractor: rep.extractor}]->(s)
}
"""
# INTERACTED: one relationship per unordered actor pair (stored lower id -> higher id, `pair` = JSON [u, v],
# unique). `types` is sorted; `tfirst[i]` / `tlast[i]` bound the dates of its events of type `types[i]`
# ("" when none is dated); `first` / `last` bound all its dated events. Read, merged in Python, written back.
READ_INTERACTED = """
UNWIND $keys AS k
MATCH ()-[r:INTERACTED {pair: k}]->()
SET r.count = r.count
RETURN k AS pair, r.count AS count, r.types AS types, r.tfirst AS tfirst, r.tlast AS tlast
"""
UPDATE_INTERACTED = """
UNWIND $rows AS p
MATCH ()-[r:INTERACTED {pair: p.pair}]->()
SET r.count = p.count, r.first = p.first, r.last = p.last, r.types = p.types, r.tfirst = p.tfirst, r.tlast = p.tlast
"""
CREATE_INTERACTED = """
UNWIND $rows AS p
MATCH (a:Actor {id: p.u}), (b:Actor {id: p.v})
CREATE (a)-[:INTERACTED {pair: p.pair, count: p.count, first: p.first, last: p.last, types: p.types,
  tfirst: p.tfirst, tlast: p.tlast}]->(b)
"""
ADD_COUNTS = ("UNWIND $rows AS r MERGE (m:DipgraphMeta {key: r.key}) "
              "ON CREATE SET m.group = r.group, m.name = r.name, m.value = 0 SET m.value = m.value + r.n")
# Relationships first, then nodes, in small transactions: detaching a hub with 10^5 relationships in one go
# exceeds the transaction memory pool.
CLEAR = ("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 20000 ROWS",
         "MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 20000 ROWS")

# ---------------------------------------------------------------- reading

EVENT_MAP = ("{.id, .type, .mode, .cameo, .date, .precision, .date_start, .date_end, .status, .confidence, "
             ".parts, .src, .also, .loc, .attrs, .absent, .extra}")
ACTOR_MAP = "{.id, .name, .kind, .country, .title, .aliases, .absent, .extra}"

GET_ACTORS = f"UNWIND $ids AS id MATCH (a:Actor {{id: id}}) RETURN a {ACTOR_MAP} AS a"
GET_EVENT = f"MATCH (e:Event {{id: $id}}) RETURN e {EVENT_MAP} AS e"
ALIASES = "UNWIND $norms AS n MATCH (al:Alias {norm: n}) RETURN al.norm AS norm, al.actor AS actor"
SEARCH_CANDIDATES = """
CALL () {
  MATCH (al:Alias {norm: $key}) RETURN al
  UNION
  MATCH (al:Alias) WHERE al.norm CONTAINS $key WITH al LIMIT $contains_limit RETURN al
  UNION
  CALL db.index.fulltext.queryNodes('actor_names', $lucene) YIELD node, score
  WITH node ORDER BY score DESC LIMIT $fulltext_limit
  MATCH (al:Alias {actor: node.id}) RETURN al
}
RETURN al.norm AS norm, al.actor AS actor
"""
SEARCH_EXACT = "MATCH (al:Alias {norm: $key}) RETURN al.norm AS norm, al.actor AS actor"
STATS_COUNTS = """
CALL () { MATCH (a:Actor) RETURN count(a) AS actors }
CALL () { MATCH (e:Event) RETURN count(e) AS events }
CALL () { MATCH (m:DipgraphMeta) WHERE m.group IS NOT NULL AND m.value > 0
          RETURN collect([m.group, m.name, m.value]) AS counts }
RETURN actors, events, counts
"""
SCHEMA_NAMES = "SHOW INDEXES YIELD name, type, state RETURN name, type, state"

# Events of one actor, of two actors together, or of everyone; `{where}` is a fixed predicate fragment.
EVENTS_NONE = "MATCH (e:Event) WHERE e.sd >= '' AND {where} "  # the sd predicate lets the sd index give the order
# $a and $b are lists of actor ids (one id, or a state and the actors of its country).
EVENTS_ONE = "MATCH (x:Actor)-[:PARTICIPATED_IN]->(e:Event) WHERE x.id IN $a AND {where} WITH DISTINCT e "
EVENTS_TWO = ("MATCH (x:Actor)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(y:Actor) "
              "WHERE x.id IN $a AND y.id IN $b AND {where} WITH DISTINCT e ")
# A state and the actors whose country it is.
STATE_GROUP = ("MATCH (s:Actor {id: $id}) WHERE s.kind = 'state' AND s.country IS NOT NULL "
               "MATCH (m:Actor {country: s.country}) RETURN collect(m.id) AS ids")
EVENTS_PAGE = "ORDER BY e.sd DESC, e.id ASC LIMIT $n RETURN e " + EVENT_MAP + " AS e"

COUNTERPARTS = """
MATCH (:Actor {{id: $a}})-[:PARTICIPATED_IN]->(e:Event)
WHERE {where}
WITH DISTINCT e
MATCH (e)<-[:PARTICIPATED_IN]-(o:Actor)
WHERE o.id <> $a
WITH DISTINCT o, e
ORDER BY e.seq
WITH o, count(e) AS n, collect(DISTINCT e.type) AS types,
     collect(CASE WHEN e.date_start IS NOT NULL THEN [e.date_start, e.date] END) AS starts,
     collect(CASE WHEN e.date_start IS NOT NULL THEN [e.date_end, e.date] END) AS ends
RETURN o {ACTOR_MAP} AS actor, n, types,
       reduce(b = null, x IN starts | CASE WHEN b IS NULL OR x[0] < b[0] THEN x ELSE b END)[1] AS first,
       reduce(b = null, x IN ends | CASE WHEN b IS NULL OR x[0] > b[0] THEN x ELSE b END)[1] AS last
""".replace("{ACTOR_MAP}", ACTOR_MAP.replace("{", "{{").replace("}", "}}"))

# Paths. A hop is an INTERACTED edge; with a type/date filter, one whose summary may hold a matching event
# (`{prune}`, cheap) and which really does: an event both took part in, looked for from the actor with fewer
# events. `{x}`, `{y}`, `{r}` name the hop's actors and relationship; `{where}` is the event predicate on `e`.
HOP_CONDITION = ("{prune}CASE WHEN COUNT {{ ({x})-[:PARTICIPATED_IN]->() }} <= COUNT {{ ({y})-[:PARTICIPATED_IN]->() }} "
                 "THEN EXISTS {{ MATCH ({x})-[:PARTICIPATED_IN]->(e:Event) WHERE {where} AND (e)<-[:PARTICIPATED_IN]-({y}) }} "
                 "ELSE EXISTS {{ MATCH ({y})-[:PARTICIPATED_IN]->(e:Event) WHERE {where} AND (e)<-[:PARTICIPATED_IN]-({x}) }} "
                 "END")
HOP_QPP = "((x:Actor)-[r:INTERACTED]-(y:Actor) WHERE {condition})"
# The distance without a filter: legacy shortestPath() is a bidirectional BFS and, with no path predicate,
# is planned without the exhaustive fallback (measured 2-5 ms where `SHORTEST 1` took up to 2.6 s on hubs).
SHORTEST_LENGTH = """
MATCH (a:Actor {{id: $s}}), (b:Actor {{id: $t}})
MATCH p = shortestPath((a)-[:INTERACTED*..{hops}]-(b))
RETURN length(p) AS hops
"""
# With a filter: every shortest path through the filtered hop, smallest id sequences first. Both ends are
# bound and the selector sits in CALL (a, b), so it is StatefulShortestPath(Into), a bidirectional BFS
# that evaluates the hop condition while expanding.
ALL_SHORTEST = """
MATCH (a:Actor {{id: $s}}), (b:Actor {{id: $t}})
CALL (a, b) {{
  MATCH p = ALL SHORTEST (a){hop}{{1,{hops}}}(b)
  RETURN [n IN nodes(p) | n.id] AS ids
  LIMIT $enumerate
}}
WITH DISTINCT ids
ORDER BY ids
LIMIT $cap
RETURN ids
"""
# The paths of one exact length, smallest actor-id sequences first: a fixed pattern that the planner joins
# from both ends (far cheaper than enumerating many paths through the shortest-path operator).
# `{pattern}`, `{conditions}` and `{ids}` are built from fixed fragments by `graph.neo4j_store._fixed_length`.
FIXED_LENGTH = """
MATCH (a:Actor {{id: $s}}), (b:Actor {{id: $t}})
MATCH {pattern}
WHERE {conditions}
WITH [{ids}] AS ids
LIMIT $enumerate
WITH DISTINCT ids
ORDER BY ids
LIMIT $cap
RETURN ids
"""
EVIDENCE = """
UNWIND $pairs AS pr
MATCH (u:Actor {{id: pr[0]}}), (v:Actor {{id: pr[1]}})
WITH pr, u, v, COUNT {{ (u)-[:PARTICIPATED_IN]->() }} <= COUNT {{ (v)-[:PARTICIPATED_IN]->() }} AS u_smaller
WITH pr, CASE WHEN u_smaller THEN u ELSE v END AS small, CASE WHEN u_smaller THEN v ELSE u END AS big
CALL (small, big) {{
  MATCH (small)-[:PARTICIPATED_IN]->(e:Event)
  WHERE {where} AND EXISTS {{ (e)<-[:PARTICIPATED_IN]-(big) }}
  WITH DISTINCT e
  ORDER BY e.sd DESC, e.id ASC
  LIMIT $per_hop
  RETURN collect(e {EVENT_MAP}) AS evs
}}
RETURN pr, evs
""".replace("{EVENT_MAP}", EVENT_MAP.replace("{", "{{").replace("}", "}}"))

# Evidence strategy: the sparse form walks the events of the actor with fewer events; the dense form walks
# all events newest first through the `sd` index until `$per_hop` shared ones are found (PartialTop), which
# wins when two big actors share a large fraction of all events.
PAIR_SIZES = """
UNWIND $pairs AS pr
MATCH (u:Actor {id: pr[0]}), (v:Actor {id: pr[1]})
OPTIONAL MATCH ()-[r:INTERACTED {pair: pr[2]}]->()
RETURN pr[0] AS u, pr[1] AS v, COUNT { (u)-[:PARTICIPATED_IN]->() } AS du, COUNT { (v)-[:PARTICIPATED_IN]->() } AS dv,
       coalesce(r.count, 0) AS shared, COUNT { (:Event) } AS total
"""
EVIDENCE_DENSE = """
MATCH (e:Event)
WHERE e.sd >= '' AND {where}
  AND EXISTS {{ (:Actor {{id: $u}})-[:PARTICIPATED_IN]->(e) }} AND EXISTS {{ (:Actor {{id: $v}})-[:PARTICIPATED_IN]->(e) }}
WITH e ORDER BY e.sd DESC, e.id ASC LIMIT $per_hop
RETURN e {EVENT_MAP} AS e
""".replace("{EVENT_MAP}", EVENT_MAP.replace("{", "{{").replace("}", "}}"))

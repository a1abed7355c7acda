"""Query-parameter parsing shared by the routers: actors, dates, types and statuses, with 4xx on bad input."""

from __future__ import annotations

from graph.codes import PLOVER_TYPES
from graph.model import Status, normalize_name, parse_date
from graph.store import EventFilter, GraphStore
from api.errors import ApiError

MODES = frozenset({"visit", "host", "phone", "third-party", "multilateral"})
#: Plain words people type, mapped to a PLOVER type, mode or CAMEO prefix.
TYPE_WORDS = {"meeting": "CONSULT", "meet": "CONSULT", "talks": "CONSULT", "call": "phone",
              "agreement": "057", "sign": "057", "drill": "062", "drills": "062", "exercise": "062"}


def resolve_actor(store: GraphStore, value: str, param: str) -> str:
    """Actor id for an id or a known name/alias; 404 with close matches otherwise."""
    if store.get_actor(value) is not None:
        return value
    found = store.actors_by_alias([normalize_name(value)])
    if found:
        return next(iter(found.values()))
    suggestions = [{"id": a["id"], "name": a["name"]} for a in store.search_actors(value, limit=5)]
    raise ApiError(404, f"unknown actor {value!r} in '{param}'", suggestions=suggestions)


def date_bound(value: str | None, param: str, end: bool) -> str | None:
    """First (or last, with `end`) day of a YYYY / YYYY-MM / YYYY-MM-DD bound; 422 if malformed."""
    if value is None or value == "":
        return None
    try:
        _, _, first, last = parse_date(value)
    except ValueError as exc:
        raise ApiError(422, f"{param}: {exc}") from None
    return last if end else first


def type_tokens(values: list[str] | None) -> tuple[str, ...]:
    """Validated type tokens from repeated or comma-separated `type` parameters."""
    tokens: list[str] = []
    for raw in values or []:
        for token in (t.strip() for t in raw.split(",")):
            if not token:
                continue
            token = TYPE_WORDS.get(token.lower(), token)
            if token.isdigit() and 2 <= len(token) <= 4 and 1 <= int(token[:2]) <= 20:
                tokens.append(token)
            elif token.upper() in PLOVER_TYPES:
                tokens.append(token.upper())
            elif token.lower() in MODES:
                tokens.append(token.lower())
            else:
                raise ApiError(422, f"type: {token!r} is not a PLOVER type ({', '.join(sorted(PLOVER_TYPES))}), "
                                    f"a mode ({', '.join(sorted(MODES))}) or a CAMEO code prefix such as 04 or 042")
    return tuple(tokens)


def statuses(values: list[str] | None, default: tuple[str, ...]) -> tuple[str, ...]:
    """Validated statuses ('any' for all); `default` when none given."""
    chosen: list[str] = []
    for raw in values or []:
        for token in (t.strip().lower() for t in raw.split(",")):
            if token == "any":
                return ()
            if token not in Status.__members__:
                raise ApiError(422, f"status: {token!r} is not one of {', '.join(Status.__members__)} or any")
            chosen.append(token)
    return tuple(chosen) if chosen else default


def event_filter(store: GraphStore, *, actor: str | None = None, with_actor: str | None = None,
                 types: list[str] | None = None, status: list[str] | None = None,
                 since: str | None = None, until: str | None = None, members: bool = False,
                 default_status: tuple[str, ...] = ()) -> EventFilter:
    """An EventFilter from raw query parameters, validated."""
    first = date_bound(since, "since", end=False)
    last = date_bound(until, "until", end=True)
    if first and last and first > last:
        raise ApiError(422, f"since ({since}) is after until ({until})")
    return EventFilter(
        actor=resolve_actor(store, actor, "actor") if actor else None,
        with_actor=resolve_actor(store, with_actor, "with") if with_actor else None,
        types=type_tokens(types), statuses=statuses(status, default_status), since=first, until=last,
        members=members)

"""The actor data tables as lookups: titles (role words), office holders, cities."""

from __future__ import annotations

from functools import lru_cache

from detente.tables import load_table, split_multi


@lru_cache(maxsize=1)
def titles() -> dict[str, tuple[str, int]]:
    """Lower-cased title → (kind, rank); kind is state-office | party | expert | civil."""
    return {row["title"].lower(): (row.get("kind", ""), int(row.get("rank") or 5)) for row in load_table("titles.tsv")}


def title_kind(role: str | None) -> str:
    """Kind of the longest title a role phrase contains ("visiting fellow at ISEAS" → expert), else ""."""
    if not role:
        return ""
    words = role.lower().replace(",", " ").split()
    table = titles()
    best, best_len = "", 0
    for i in range(len(words)):
        for j in range(min(len(words), i + 4), i, -1):
            phrase = " ".join(words[i:j])
            if phrase in table and j - i > best_len:
                best, best_len = table[phrase][0], j - i
    return best


@lru_cache(maxsize=1)
def leaders() -> dict[str, list[dict[str, str]]]:
    """Full name and aliases → tenure rows."""
    index: dict[str, list[dict[str, str]]] = {}
    for row in load_table("leaders.tsv"):
        for name in [row["name"], *split_multi(row.get("aliases", ""))]:
            index.setdefault(name, []).append(row)
    return index


def leader_facts(name: str) -> tuple[str | None, str | None]:
    """(country, role) the leaders table gives a full name, each only when all its rows agree."""
    rows = [r for r in leaders().get(name, []) if r["name"] == name]
    countries = {r["country"] for r in rows}
    roles = {r["role"] for r in rows}
    return (countries.pop() if len(countries) == 1 else None, roles.pop() if len(roles) == 1 else None)


@lru_cache(maxsize=1)
def cities() -> dict[str, str]:
    """City name → ISO3 (large cities only; read only in place phrases such as "a university in Miami")."""
    return {row["city"]: row["country"] for row in load_table("cities.tsv")}

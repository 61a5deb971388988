"""The Better Auth tables after migration match the reference in docs/architecture.md §3
(a contract: what Better Auth 1.7 generates for PostgreSQL).

The reference is written below as data. Every reference column must exist with
the same (case-sensitive) name, PostgreSQL type and nullability, and a `now()`
default where the reference has one; primary keys, the unique constraints, the
foreign keys with their ON DELETE and the non-unique indexes must be there, and
no other unique constraint or foreign key may sit on reference columns. Extra
columns are allowed, named snake_case and insertable by Better Auth, which never
names them (nullable or with a default).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

import pytest
from sqlalchemy import Engine, inspect, text

pytestmark = [pytest.mark.contract, pytest.mark.integration]

TEXT, BOOLEAN, TIMESTAMPTZ = "text", "boolean", "timestamp with time zone"
NOW = "now()"
SNAKE_CASE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # information_schema.columns.data_type
    nullable: bool = False
    default: str | None = None  # the reference only ever asks for now()


@dataclass(frozen=True)
class ForeignKey:
    columns: tuple[str, ...]
    ref_table: str
    ref_columns: tuple[str, ...]
    on_delete: str | None  # None for NO ACTION


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ("id",)
    unique: frozenset[tuple[str, ...]] = frozenset()
    indexes: frozenset[tuple[str, ...]] = frozenset()  # non-unique
    foreign_keys: frozenset[ForeignKey] = frozenset()


def _to_user(column: str) -> ForeignKey:
    return ForeignKey((column,), "user", ("id",), "CASCADE")


REFERENCE: dict[str, Table] = {
    "user": Table(
        columns=(
            Column("id", TEXT),
            Column("name", TEXT),
            Column("email", TEXT),
            Column("emailVerified", BOOLEAN),
            Column("image", TEXT, nullable=True),
            Column("createdAt", TIMESTAMPTZ, default=NOW),
            Column("updatedAt", TIMESTAMPTZ, default=NOW),
        ),
        unique=frozenset({("email",)}),
    ),
    "session": Table(
        columns=(
            Column("id", TEXT),
            Column("expiresAt", TIMESTAMPTZ),
            Column("token", TEXT),
            Column("createdAt", TIMESTAMPTZ, default=NOW),
            Column("updatedAt", TIMESTAMPTZ),
            Column("ipAddress", TEXT, nullable=True),
            Column("userAgent", TEXT, nullable=True),
            Column("userId", TEXT),
        ),
        unique=frozenset({("token",)}),
        indexes=frozenset({("userId",)}),
        foreign_keys=frozenset({_to_user("userId")}),
    ),
    "account": Table(
        columns=(
            Column("id", TEXT),
            Column("accountId", TEXT),
            Column("providerId", TEXT),
            Column("userId", TEXT),
            Column("accessToken", TEXT, nullable=True),
            Column("refreshToken", TEXT, nullable=True),
            Column("idToken", TEXT, nullable=True),
            Column("accessTokenExpiresAt", TIMESTAMPTZ, nullable=True),
            Column("refreshTokenExpiresAt", TIMESTAMPTZ, nullable=True),
            Column("scope", TEXT, nullable=True),
            Column("password", TEXT, nullable=True),
            Column("createdAt", TIMESTAMPTZ, default=NOW),
            Column("updatedAt", TIMESTAMPTZ),
        ),
        indexes=frozenset({("userId",)}),
        foreign_keys=frozenset({_to_user("userId")}),
    ),
    "verification": Table(
        columns=(
            Column("id", TEXT),
            Column("identifier", TEXT),
            Column("value", TEXT),
            Column("expiresAt", TIMESTAMPTZ),
            Column("createdAt", TIMESTAMPTZ, default=NOW),
            Column("updatedAt", TIMESTAMPTZ, default=NOW),
        ),
        indexes=frozenset({("identifier",)}),
    ),
}


def introspect(engine: Engine, tables: list[str]) -> dict[str, Table]:
    """The tables as the database has them, in the reference's terms."""
    inspector = inspect(engine)
    found: dict[str, Table] = {}
    with engine.connect() as conn:
        for name in tables:
            if not inspector.has_table(name):
                continue
            rows = conn.execute(
                text(
                    "SELECT column_name, data_type, is_nullable = 'YES', column_default "
                    "FROM information_schema.columns "
                    "WHERE table_schema = current_schema() AND table_name = :table "
                    "ORDER BY ordinal_position"
                ),
                {"table": name},
            )
            indexes = inspector.get_indexes(name)
            found[name] = Table(
                columns=tuple(Column(*row) for row in rows),
                primary_key=tuple(inspector.get_pk_constraint(name)["constrained_columns"]),
                unique=frozenset(
                    [tuple(u["column_names"]) for u in inspector.get_unique_constraints(name)]
                    + [_index_columns(i["column_names"]) for i in indexes if i["unique"]]
                ),
                indexes=frozenset(
                    _index_columns(i["column_names"]) for i in indexes if not i["unique"]
                ),
                foreign_keys=frozenset(
                    ForeignKey(
                        tuple(fk["constrained_columns"]),
                        fk["referred_table"],
                        tuple(fk["referred_columns"]),
                        fk["options"].get("ondelete"),
                    )
                    for fk in inspector.get_foreign_keys(name)
                ),
            )
    return found


def _index_columns(names: list[str | None]) -> tuple[str, ...]:
    """SQLAlchemy gives None for an expression; keep it visible rather than drop it."""
    return tuple(name if name is not None else "<expression>" for name in names)


def differences(reference: dict[str, Table], actual: dict[str, Table]) -> list[str]:
    """Every way `actual` falls short of `reference`; empty if it matches."""
    found: list[str] = []
    for name, expected in reference.items():
        table = actual.get(name)
        if table is None:
            found.append(f"table {name}: missing")
            continue
        found += [f"table {name}: {d}" for d in _table_differences(expected, table)]
    return found


def _table_differences(expected: Table, table: Table) -> list[str]:
    found: list[str] = []
    columns = {c.name: c for c in table.columns}
    reference_names = {c.name for c in expected.columns}
    for want in expected.columns:
        have = columns.get(want.name)
        if have is None:
            near = [n for n in columns if n.lower() == want.name.lower()]
            hint = f" (database has {near[0]!r}; names are case-sensitive)" if near else ""
            found.append(f"column {want.name}: missing{hint}")
            continue
        if have.type != want.type:
            found.append(f"column {want.name}: type is {have.type}, reference says {want.type}")
        if have.nullable != want.nullable:
            found.append(
                f"column {want.name}: {_nullability(have.nullable)}, "
                f"reference says {_nullability(want.nullable)}"
            )
        if want.default == NOW and have.default not in (NOW, "CURRENT_TIMESTAMP"):
            found.append(f"column {want.name}: default is {have.default}, reference says now()")
    for extra in (c for c in table.columns if c.name not in reference_names):
        if not SNAKE_CASE.match(extra.name):
            found.append(f"extra column {extra.name}: not snake_case")
        if not extra.nullable and extra.default is None:
            found.append(f"extra column {extra.name}: NOT NULL without a default")
    if table.primary_key != expected.primary_key:
        found.append(f"primary key is {table.primary_key}, reference says {expected.primary_key}")
    for columns_ in sorted(expected.unique - table.unique):
        found.append(f"unique constraint on {columns_}: missing")
    for columns_ in sorted(table.unique - expected.unique):
        if set(columns_) <= reference_names:
            found.append(f"unique constraint on {columns_}: not in the reference")
    for columns_ in sorted(expected.indexes - table.indexes):
        found.append(f"non-unique index on {columns_}: missing")
    for fk in expected.foreign_keys - table.foreign_keys:
        found.append(f"foreign key {_describe(fk)}: missing")
    for fk in table.foreign_keys - expected.foreign_keys:
        if set(fk.columns) <= reference_names:
            found.append(f"foreign key {_describe(fk)}: not in the reference")
    return found


def _nullability(nullable: bool) -> str:
    return "NULL" if nullable else "NOT NULL"


def _describe(fk: ForeignKey) -> str:
    target = f"{fk.ref_table}({', '.join(fk.ref_columns)})"
    return f"({', '.join(fk.columns)}) -> {target} ON DELETE {fk.on_delete or 'NO ACTION'}"


@pytest.fixture(scope="module")
def actual(pg_admin_engine: Engine) -> dict[str, Table]:
    return introspect(pg_admin_engine, list(REFERENCE))


def test_better_auth_tables_match_the_reference(actual: dict[str, Table]) -> None:
    assert actual.keys() == REFERENCE.keys()
    found = differences(REFERENCE, actual)
    assert not found, "Better Auth tables differ from docs/architecture.md §3:\n" + "\n".join(found)


def test_the_comparison_reports_each_kind_of_difference(actual: dict[str, Table]) -> None:
    def edit(table: Table, column: str, **changes: Any) -> Table:
        columns = tuple(replace(c, **changes) if c.name == column else c for c in table.columns)
        return replace(table, columns=columns)

    def add(table: Table, column: Column) -> Table:
        return replace(table, columns=(*table.columns, column))

    # A reference that asks for more than the database has...
    reference = {
        **REFERENCE,
        "user": add(
            edit(REFERENCE["user"], "emailVerified", type=TIMESTAMPTZ), Column("banned", BOOLEAN)
        ),
        "verification": edit(REFERENCE["verification"], "expiresAt", default=NOW),
        "twoFactor": Table(columns=(Column("id", TEXT),)),
    }
    # ...and a database that drifted from the reference.
    database = {
        **actual,
        "session": replace(
            add(
                edit(actual["session"], "userId", name="userid"),
                Column("lastSeenAt", TIMESTAMPTZ, nullable=True),
            ),
            unique=frozenset(),
        ),
        "account": replace(
            add(edit(actual["account"], "scope", nullable=False), Column("plan", TEXT)),
            unique=frozenset({("userId",)}),
            indexes=frozenset(),
            foreign_keys=frozenset({ForeignKey(("userId",), "user", ("id",), None)}),
        ),
    }

    assert sorted(differences(reference, database)) == sorted(
        [
            "table user: column emailVerified: type is boolean, "
            "reference says timestamp with time zone",
            "table user: column banned: missing",
            "table verification: column expiresAt: default is None, reference says now()",
            "table twoFactor: missing",
            "table session: column userId: missing (database has 'userid'; "
            "names are case-sensitive)",
            "table session: extra column userid: NOT NULL without a default",
            "table session: extra column lastSeenAt: not snake_case",
            "table session: unique constraint on ('token',): missing",
            "table account: column scope: NOT NULL, reference says NULL",
            "table account: extra column plan: NOT NULL without a default",
            "table account: unique constraint on ('userId',): not in the reference",
            "table account: non-unique index on ('userId',): missing",
            "table account: foreign key (userId) -> user(id) ON DELETE CASCADE: missing",
            "table account: foreign key (userId) -> user(id) ON DELETE NO ACTION: "
            "not in the reference",
        ]
    )

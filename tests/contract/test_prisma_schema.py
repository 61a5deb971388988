"""prisma/schema.prisma is what `prisma db pull` yields for the migrated schema
(docs/architecture.md §4, a contract), checked against the live PostgreSQL catalog.

`db pull` cannot run here (Prisma's CLI downloads its engine), so this test
derives from pg_catalog what introspection would say, following the rules of
Prisma's schema engine, and compares it with the parsed file: tables and
models, columns and scalar fields (name, type and native type, optionality,
default, order), primary keys, unique constraints, indexes, constraint names
(no `map:` unless the database name differs from Prisma's default), foreign keys
and their relation fields, and the back-relation fields on referenced models.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, Engine, text

from tests.contract.prisma_schema import (
    BlockIndex,
    Field,
    Model,
    PrismaParseError,
    PrismaSchema,
    Relation,
    load_prisma_schema,
    parse_prisma_schema,
)

pytestmark = pytest.mark.contract

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "prisma" / "schema.prisma"
POSTGRES_MAX_IDENTIFIER = 63

# pg_constraint.confdeltype / confupdtype -> (Prisma referential action, SQL words)
ACTIONS = {
    "a": ("NoAction", "NO ACTION"),
    "r": ("Restrict", "RESTRICT"),
    "c": ("Cascade", "CASCADE"),
    "n": ("SetNull", "SET NULL"),
    "d": ("SetDefault", "SET DEFAULT"),
}

# PostgreSQL type (as format_type prints it) -> Prisma type and native type, None
# where the native type is the default for that Prisma type on PostgreSQL.
_FIXED_TYPES: dict[str, tuple[str, str | None]] = {
    "text": ("String", None),
    "uuid": ("String", "Uuid"),
    "boolean": ("Boolean", None),
    "smallint": ("Int", "SmallInt"),
    "integer": ("Int", None),
    "bigint": ("BigInt", None),
    "real": ("Float", "Real"),
    "double precision": ("Float", None),
    "numeric": ("Decimal", None),
    "date": ("DateTime", "Date"),
    "jsonb": ("Json", None),
    "json": ("Json", "Json"),
    "bytea": ("Bytes", None),
}
_PARAMETRISED_TYPES = [
    (re.compile(r"^timestamp(?:\((\d+)\))? with time zone$"), "DateTime", "Timestamptz", "6"),
    (re.compile(r"^timestamp(?:\((\d+)\))? without time zone$"), "DateTime", "Timestamp", "6"),
    (re.compile(r"^character varying(?:\((\d+)\))?$"), "String", "VarChar", None),
    (re.compile(r"^character(?:\((\d+)\))?$"), "String", "Char", None),
]


# --- what the database says ---------------------------------------------------------


@dataclass(frozen=True)
class DbColumn:
    name: str
    type: str  # format_type(): "text", "timestamp with time zone", ...
    not_null: bool
    default: str | None  # pg_get_expr() of the default: "now()", "false", ...


@dataclass(frozen=True)
class DbIndex:
    name: str
    columns: tuple[str, ...]
    unique: bool
    primary: bool
    # False for what Prisma renders with extra arguments or cannot render:
    # expressions, predicates, DESC / NULLS FIRST, methods other than btree.
    plain: bool


@dataclass(frozen=True)
class DbForeignKey:
    name: str
    table: str
    columns: tuple[str, ...]
    ref_table: str
    ref_columns: tuple[str, ...]
    on_delete: str  # pg_constraint code: a r c n d
    on_update: str


@dataclass(frozen=True)
class DbTable:
    name: str
    columns: tuple[DbColumn, ...]
    indexes: tuple[DbIndex, ...]
    foreign_keys: tuple[DbForeignKey, ...]


def introspect(conn: Connection, schema: str = "public") -> dict[str, DbTable]:
    """Every table in `schema` with its columns, indexes and foreign keys."""
    params = {"schema": schema}
    names = conn.execute(
        text(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = :schema AND c.relkind IN ('r', 'p') AND NOT c.relispartition"
        ),
        params,
    ).scalars()
    columns: dict[str, list[DbColumn]] = {str(name): [] for name in names}
    for table, name, type_, not_null, default in conn.execute(_COLUMNS_SQL, params):
        if table in columns:
            columns[table].append(DbColumn(name, type_, not_null, default))
    indexes: dict[str, list[DbIndex]] = {name: [] for name in columns}
    for table, name, cols, unique, primary, plain in conn.execute(_INDEXES_SQL, params):
        if table in indexes:
            indexes[table].append(DbIndex(name, tuple(cols), unique, primary, plain))
    foreign_keys: dict[str, list[DbForeignKey]] = {name: [] for name in columns}
    for row in conn.execute(_FOREIGN_KEYS_SQL, params):
        name, table, cols, ref_table, ref_cols, on_delete, on_update = row
        if table in foreign_keys:
            foreign_keys[table].append(
                DbForeignKey(
                    name, table, tuple(cols), ref_table, tuple(ref_cols), on_delete, on_update
                )
            )
    return {
        name: DbTable(name, tuple(columns[name]), tuple(indexes[name]), tuple(foreign_keys[name]))
        for name in columns
    }


_COLUMNS_SQL = text(
    """
    SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
           pg_get_expr(d.adbin, d.adrelid)
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
    WHERE n.nspname = :schema
    ORDER BY c.relname, a.attnum
    """
)

_INDEXES_SQL = text(
    """
    SELECT t.relname, i.relname,
           ARRAY(SELECT a.attname
                 FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, position)
                 JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                 ORDER BY k.position),
           x.indisunique, x.indisprimary,
           x.indexprs IS NULL AND x.indpred IS NULL AND am.amname = 'btree'
             AND NOT EXISTS (SELECT 1 FROM unnest(x.indoption::int2[]) AS o WHERE o <> 0)
    FROM pg_index x
    JOIN pg_class i ON i.oid = x.indexrelid
    JOIN pg_am am ON am.oid = i.relam
    JOIN pg_class t ON t.oid = x.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = :schema
    ORDER BY t.relname, i.relname
    """
)

_FOREIGN_KEYS_SQL = text(
    """
    SELECT con.conname, t.relname,
           ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, position)
                 JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
                 ORDER BY k.position),
           r.relname,
           ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, position)
                 JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
                 ORDER BY k.position),
           con.confdeltype::text, con.confupdtype::text
    FROM pg_constraint con
    JOIN pg_class t ON t.oid = con.conrelid
    JOIN pg_class r ON r.oid = con.confrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = :schema AND con.contype = 'f'
    ORDER BY t.relname, con.conname
    """
)


# --- what Prisma introspection makes of it -----------------------------------------


def prisma_type(pg_type: str) -> tuple[str, str | None] | None:
    """(Prisma type, native type or None if it is the default one); None if unknown here."""
    if pg_type in _FIXED_TYPES:
        return _FIXED_TYPES[pg_type]
    for pattern, scalar, native, default_argument in _PARAMETRISED_TYPES:
        match = pattern.match(pg_type)
        if match:
            argument = match.group(1) or default_argument
            return scalar, f"{native}({argument})" if argument else native
    return None


def prisma_default(expression: str | None) -> str | None:
    """The `@default(...)` argument `db pull` writes for a column default."""
    if expression is None:
        return None
    if expression in ("now()", "CURRENT_TIMESTAMP"):
        return "now()"
    if expression in ("true", "false") or re.fullmatch(r"-?\d+(\.\d+)?", expression):
        return expression
    literal = re.fullmatch(r"'([^']*)'::(text|character varying)", expression)
    if literal:
        return f'"{literal.group(1)}"'
    return f'dbgenerated("{expression}")'


def default_constraint_name(table: str, columns: tuple[str, ...], suffix: str) -> str:
    """Prisma's default name: table_pkey, table_a_b_key, table_a_b_idx, table_a_b_fkey."""
    name = f"{table}_pkey" if suffix == "pkey" else f"{table}_{'_'.join(columns)}_{suffix}"
    if len(name) > POSTGRES_MAX_IDENTIFIER:
        raise NotImplementedError(f"{name}: Prisma truncates long names; derive that rule first")
    return name


def expected_map(name: str, table: str, columns: tuple[str, ...], suffix: str) -> str | None:
    return None if name == default_constraint_name(table, columns, suffix) else name


def relation_names(fk: DbForeignKey, db: Mapping[str, DbTable]) -> tuple[str | None, str, str]:
    """(relation name, forward field name, back field name) as Prisma introspection
    names them: the other model's name, unless two relations join the same two models
    (or the name clashes with a foreign key column), when it disambiguates."""
    pair = {fk.table, fk.ref_table}
    between = {
        (other.table, other.columns)
        for t in pair
        for other in db[t].foreign_keys
        if {other.table, other.ref_table} == pair
    }
    self_prefix = "other_" if fk.table == fk.ref_table else ""
    if len(between) == 1 and fk.ref_table not in fk.columns:
        name = f"{fk.table}To{fk.ref_table}" if self_prefix else None
        return name, fk.ref_table, f"{self_prefix}{fk.table}"
    name = f"{fk.table}_{'_'.join(fk.columns)}To{fk.ref_table}"
    return name, f"{fk.ref_table}_{name}", f"{self_prefix}{fk.table}_{name}"


# --- the comparison ----------------------------------------------------------------------


def schema_differences(prisma: PrismaSchema, db: Mapping[str, DbTable]) -> list[str]:
    """Every way schema.prisma differs from what `db pull` would write; empty if none."""
    differences = [
        f"table {name}: no model in schema.prisma" for name in sorted(db.keys() - prisma.models)
    ]
    differences += [
        f"model {name}: no such table in the database"
        for name in sorted(prisma.models.keys() - db.keys())
    ]
    for name in sorted(db.keys() & prisma.models.keys()):
        model, table = prisma.models[name], db[name]
        found = [
            *_column_differences(model, table),
            *_key_differences(model, table),
            *_relation_differences(model, table, db),
        ]
        differences += [f"model {name}: {difference}" for difference in found]
    return differences


def _column_differences(model: Model, table: DbTable) -> Iterator[str]:
    scalars = {f.name: f for f in model.fields if f.is_scalar}
    for column in table.columns:
        field = scalars.get(column.name)
        if field is None:
            yield f"field {column.name}: missing (database has column {column.type})"
            continue
        mapped = prisma_type(column.type)
        if mapped is None:
            yield f"field {column.name}: database type {column.type} has no mapping in this check"
        elif (field.type, field.native_type) != mapped:
            written = _describe_type(field.type, field.native_type)
            yield (
                f"field {column.name}: schema.prisma says {written}, "
                f"database type {column.type} is {_describe_type(*mapped)}"
            )
        if field.is_list:
            yield f"field {column.name}: schema.prisma says a list, database column is no array"
        if field.optional == column.not_null:
            yield (
                f"field {column.name}: schema.prisma says "
                f"{'optional' if field.optional else 'required'}, "
                f"database says {'NOT NULL' if column.not_null else 'NULL'}"
            )
        expected_default = prisma_default(column.default)
        if field.default != expected_default:
            yield (
                f"field {column.name}: schema.prisma says default {field.default or 'none'}, "
                f"database says default {column.default or 'none'}"
                + (f" (@default({expected_default}))" if expected_default else "")
            )
    columns = [c.name for c in table.columns]
    for name in sorted(scalars.keys() - set(columns)):
        yield f"field {name}: no such column in the database"
    if set(scalars) == set(columns) and list(scalars) != columns:
        yield f"scalar fields are in the order {list(scalars)}, database columns {columns}"


def _describe_type(scalar: str, native: str | None) -> str:
    return f"{scalar} @db.{native}" if native else scalar


def _key_differences(model: Model, table: DbTable) -> Iterator[str]:
    """Primary key, unique constraints and indexes, with their constraint names."""
    declared: set[tuple[str, tuple[str, ...], str | None]] = set()
    for f in model.fields:
        if f.id:
            declared.add(("id", (f.name,), f.id_map))
        if f.unique:
            declared.add(("unique", (f.name,), f.unique_map))
    declared |= {(b.kind, b.fields, b.map) for b in model.indexes}
    actual: dict[tuple[str, tuple[str, ...], str | None], str] = {}
    for index in table.indexes:
        if not index.plain:
            yield (
                f"index {index.name}: uses what this check does not model "
                "(an expression, a predicate, a sort order or a method other than btree)"
            )
            continue
        kind, suffix = _KEY_KINDS[(index.primary, index.unique)]
        mapped = expected_map(index.name, table.name, index.columns, suffix)
        actual[(kind, index.columns, mapped)] = index.name
    for key in sorted(actual.keys() - declared, key=str):
        yield f"missing {_describe_key(*key)} (database has {actual[key]})"
    for key in sorted(declared - actual.keys(), key=str):
        yield f"{_describe_key(*key)} has no counterpart in the database"
    for b in model.indexes:
        if b.name is not None:
            yield f"@@{b.kind}({list(b.fields)}): name {b.name!r} is not something db pull writes"


# (primary, unique) -> the Prisma attribute and the suffix of Prisma's default name
_KEY_KINDS = {
    (True, True): ("id", "pkey"),
    (False, True): ("unique", "key"),
    (False, False): ("index", "idx"),
}


def _describe_key(kind: str, columns: tuple[str, ...], mapped: str | None) -> str:
    if len(columns) == 1 and kind != "index":
        return f"@{kind}" + (f'(map: "{mapped}")' if mapped else "") + f" on field {columns[0]}"
    return f"@@{kind}([{', '.join(columns)}]" + (f', map: "{mapped}"' if mapped else "") + ")"


def _relation_differences(model: Model, table: DbTable, db: Mapping[str, DbTable]) -> Iterator[str]:
    """Foreign keys of this table <-> forward relation fields; foreign keys pointing
    here <-> back-relation fields."""
    relation_fields = [f for f in model.fields if not f.is_scalar]
    matched: set[str] = set()
    for fk in table.foreign_keys:
        name, forward, _ = relation_names(fk, db)
        field = model.field(forward)
        if field is None or field.is_scalar:
            yield f"field {forward}: missing (relation for foreign key {fk.name})"
            continue
        matched.add(field.name)
        yield from _forward_differences(field, fk, name, table)
    incoming = [fk for t in db.values() for fk in t.foreign_keys if fk.ref_table == table.name]
    for fk in incoming:
        name, _, back = relation_names(fk, db)
        field = model.field(back)
        if field is None or field.is_scalar:
            yield f"back-relation field {back}: missing (foreign key {fk.name} on {fk.table})"
            continue
        matched.add(field.name)
        yield from _back_differences(field, fk, name, db[fk.table])
    for field in relation_fields:
        if field.name not in matched:
            yield f"field {field.name}: relation matches no foreign key in the database"


def _forward_differences(
    field: Field, fk: DbForeignKey, name: str | None, table: DbTable
) -> Iterator[str]:
    prefix = f"field {field.name}"
    relation = field.relation or Relation()
    nullable = any(not c.not_null for c in table.columns if c.name in fk.columns)
    if field.type != fk.ref_table or field.is_list:
        yield (
            f"{prefix}: schema.prisma says type {field.type}{'[]' if field.is_list else ''}, "
            f"foreign key {fk.name} references {fk.ref_table}"
        )
    if (relation.fields, relation.references) != (fk.columns, fk.ref_columns):
        yield (
            f"{prefix}: schema.prisma says fields {list(relation.fields)} -> "
            f"references {list(relation.references)}, foreign key {fk.name} is "
            f"{list(fk.columns)} -> {fk.ref_table}{list(fk.ref_columns)}"
        )
    if field.optional != nullable:
        yield (
            f"{prefix}: schema.prisma says {'optional' if field.optional else 'required'}, "
            f"foreign key column(s) are {'nullable' if nullable else 'NOT NULL'}"
        )
    # Prisma's defaults: onDelete SetNull if optional else Restrict; onUpdate Cascade.
    on_delete = relation.on_delete or ("SetNull" if field.optional else "Restrict")
    if on_delete != ACTIONS[fk.on_delete][0]:
        yield (
            f"{prefix}: schema.prisma says onDelete {on_delete}, "
            f"database says ON DELETE {ACTIONS[fk.on_delete][1]}"
        )
    on_update = relation.on_update or "Cascade"
    if on_update != ACTIONS[fk.on_update][0]:
        yield (
            f"{prefix}: schema.prisma says onUpdate {on_update}, "
            f"database says ON UPDATE {ACTIONS[fk.on_update][1]}"
        )
    mapped = expected_map(fk.name, fk.table, fk.columns, "fkey")
    if relation.map != mapped:
        yield f"{prefix}: schema.prisma says map {relation.map}, database constraint is {fk.name}"
    if relation.name != name:
        yield f"{prefix}: schema.prisma says relation name {relation.name}, db pull writes {name}"


def _back_differences(
    field: Field, fk: DbForeignKey, name: str | None, referencing: DbTable
) -> Iterator[str]:
    prefix = f"back-relation field {field.name}"
    relation = field.relation or Relation()
    # One-to-one when the foreign key columns are (a superset of) a unique key.
    one_to_one = any(
        (i.unique or i.primary) and set(i.columns) <= set(fk.columns) for i in referencing.indexes
    )
    expected = f"{fk.table}?" if one_to_one else f"{fk.table}[]"
    written = f"{field.type}{'?' if field.optional else '[]' if field.is_list else ''}"
    if written != expected:
        yield f"{prefix}: schema.prisma says {written}, foreign key {fk.name} makes it {expected}"
    if relation.fields or relation.references or relation.on_delete or relation.on_update:
        yield f"{prefix}: carries fields/references/actions; only the foreign key side may"
    if relation.name != name:
        yield f"{prefix}: schema.prisma says relation name {relation.name}, db pull writes {name}"


# --- the tests -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def prisma() -> PrismaSchema:
    return load_prisma_schema(SCHEMA_PATH)


@pytest.fixture(scope="module")
def database(pg_admin_engine: Engine) -> dict[str, DbTable]:
    with pg_admin_engine.connect() as conn:
        return introspect(conn)


@pytest.mark.unit
def test_schema_prisma_has_the_generator_and_datasource(prisma: PrismaSchema) -> None:
    assert prisma.generators == {"client": {"provider": "prisma-client-js"}}
    assert prisma.datasources == {"db": {"provider": "postgresql"}}


@pytest.mark.integration
def test_schema_prisma_matches_the_migrated_database(
    prisma: PrismaSchema, database: dict[str, DbTable]
) -> None:
    assert {"user", "alembic_version"} <= database.keys()  # introspection saw the tables
    differences = schema_differences(prisma, database)
    assert not differences, "schema.prisma differs from the database:\n" + "\n".join(differences)


@pytest.mark.integration
def test_the_check_reports_each_kind_of_difference(
    prisma: PrismaSchema, database: dict[str, DbTable]
) -> None:
    def edit(model: Model, field: str, **changes: Any) -> Model:
        fields = tuple(replace(f, **changes) if f.name == field else f for f in model.fields)
        return replace(model, fields=fields)

    def drop(model: Model, field: str) -> Model:
        return replace(model, fields=tuple(f for f in model.fields if f.name != field))

    models = prisma.models
    to_postings = models["matched_jobs"].field("job_postings")
    assert to_postings is not None
    assert to_postings.relation is not None
    altered = {
        **models,
        "runs": edit(models["runs"], "job_search_id", optional=False),
        "documents": replace(
            edit(models["documents"], "size_bytes", type="BigInt"),
            indexes=tuple(i for i in models["documents"].indexes if i.kind != "unique"),
        ),
        "session": edit(models["session"], "createdAt", default=None),
        "job_postings": drop(models["job_postings"], "embedding_model"),
        "matched_jobs": edit(
            edit(
                models["matched_jobs"],
                "job_postings",
                relation=replace(to_postings.relation, on_delete="Restrict", on_update=None),
            ),
            "artifacts",
            optional=False,
            is_list=True,
        ),
        "user": edit(
            drop(edit(models["user"], "emailVerified", name="email_verified"), "session"),
            "createdAt",
            native_type=None,
        ),
        "account": replace(models["account"], indexes=()),
        "artifacts": edit(models["artifacts"], "matched_job_id", unique=False),
        "ghost": Model("ghost", (Field("id", "String", id=True),)),
    }
    del altered["verification"]

    # Only what the alterations add counts, so this test holds even while the file
    # itself is out of step (the test above reports that).
    baseline = set(schema_differences(prisma, database))
    reported = [
        d
        for d in schema_differences(replace(prisma, models=altered), database)
        if d not in baseline
    ]

    assert sorted(reported) == sorted(
        [
            "table verification: no model in schema.prisma",
            "model ghost: no such table in the database",
            "model runs: field job_search_id: schema.prisma says required, database says NULL",
            "model documents: field size_bytes: schema.prisma says BigInt, "
            "database type integer is Int",
            "model documents: missing @@unique([user_id, sha256]) "
            "(database has documents_user_id_sha256_key)",
            "model user: field createdAt: schema.prisma says DateTime, "
            "database type timestamp with time zone is DateTime @db.Timestamptz(6)",
            "model session: field createdAt: schema.prisma says default none, "
            "database says default now() (@default(now()))",
            "model job_postings: field embedding_model: missing (database has column text)",
            "model matched_jobs: field job_postings: schema.prisma says onDelete Restrict, "
            "database says ON DELETE CASCADE",
            "model matched_jobs: field job_postings: schema.prisma says onUpdate Cascade, "
            "database says ON UPDATE NO ACTION",
            "model matched_jobs: back-relation field artifacts: schema.prisma says artifacts[], "
            "foreign key artifacts_matched_job_id_fkey makes it artifacts?",
            "model user: field emailVerified: missing (database has column boolean)",
            "model user: field email_verified: no such column in the database",
            "model user: back-relation field session: missing "
            "(foreign key session_userId_fkey on session)",
            "model account: missing @@index([userId]) (database has account_userId_idx)",
            "model artifacts: missing @unique on field matched_job_id "
            "(database has artifacts_matched_job_id_key)",
        ]
    )


@pytest.mark.unit
def test_relation_names_disambiguate_like_prisma() -> None:
    # Prisma's documented example: two foreign keys from Post to User.
    def fk(column: str) -> DbForeignKey:
        return DbForeignKey(f"Post_{column}_fkey", "Post", (column,), "User", ("id",), "a", "a")

    author, favourite = fk("authorId"), fk("favoritedById")
    db = {
        "Post": DbTable("Post", (), (), (author, favourite)),
        "User": DbTable("User", (), (), ()),
    }
    assert relation_names(author, db) == (
        "Post_authorIdToUser",
        "User_Post_authorIdToUser",
        "Post_Post_authorIdToUser",
    )
    db["Post"] = DbTable("Post", (), (), (author,))
    assert relation_names(author, db) == (None, "User", "Post")


@pytest.mark.unit
@pytest.mark.parametrize(
    ("source", "complaint"),
    [
        ('model a {\n  id String @id @map("x")\n}', "unsupported attribute @map"),
        ('model a {\n  id String @id\n  @@map("x")\n}', "unsupported block attribute"),
        ("enum Role {\n  ADMIN\n}", "unsupported block kind 'enum'"),
        ("model a {\n  id String @id\n", "is never closed"),
        ("model a {\n  id String @id\n  what is this\n}", "expected a field"),
        ("model a {\n  id String @id extra\n}", "expected a field attribute"),
        ("model a {\n  id String @id\n  b Strin?\n}", "unknown type 'Strin'"),
        ("model a {\n  id String @id\n  id String\n}", "field id defined twice"),
        (
            "model a {\n  id String @id\n  b a @relation(fields: [id], references: [id], x: 1)\n}",
            "unsupported argument(s) x",
        ),
        (
            "model a {\n  id String @id\n  b a @relation(fields: [id], onDelete: Drop)\n}",
            "not a referential action",
        ),
        ("model a {\n  id String @id\n  @@index([id(sort: Desc)])\n}", "plain field names"),
        ("datasource db {\n  provider postgresql\n}", "expected `key = value`"),
        ("stray line", "expected `generator|datasource|model NAME {`"),
    ],
)
def test_the_parser_rejects_what_it_does_not_understand(source: str, complaint: str) -> None:
    with pytest.raises(PrismaParseError, match=re.escape(complaint)):
        parse_prisma_schema(source)


@pytest.mark.unit
def test_the_parser_reads_fields_attributes_and_block_attributes() -> None:
    schema = parse_prisma_schema(
        """
        // comment
        model a {
          id   String    @id(map: "a_pk") @db.VarChar(32) // trailing comment
          at   DateTime? @default(now()) @db.Timestamptz(6)
          bs   b[]       @relation("ab")
          @@unique([id, at], map: "a_u")
          @@index([at])
        }
        model b {
          a_id String
          a    a      @relation("ab", fields: [a_id], references: [id], onDelete: Cascade)
          @@id([a_id])
        }
        """
    )
    a, b = schema.models["a"], schema.models["b"]
    assert a.fields[0] == Field("id", "String", id=True, id_map="a_pk", native_type="VarChar(32)")
    assert a.fields[1] == Field(
        "at", "DateTime", optional=True, default="now()", native_type="Timestamptz(6)"
    )
    assert a.fields[2] == Field("bs", "b", is_list=True, relation=Relation(name="ab"))
    assert a.indexes == (
        BlockIndex("unique", ("id", "at"), map="a_u"),
        BlockIndex("index", ("at",)),
    )
    assert b.field("a") == Field(
        "a",
        "a",
        relation=Relation(name="ab", fields=("a_id",), references=("id",), on_delete="Cascade"),
    )
    assert b.indexes == (BlockIndex("id", ("a_id",)),)

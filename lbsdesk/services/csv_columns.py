"""The columns of the four CSV files of SPEC.md section 2, shared by import and export.

Each KIND (``partners``, ``learners``, ``referrals``, ``inquiries``) is a :class:`CsvKind`: its table,
its key column, and its columns in SPEC order with how each cell is read and written.  Export writes
exactly these columns in this order, and import reads them in any order, so export → import
round-trips.  How a cell is written (:func:`format_cell`) is the inverse of how it is read
(``csv_import``): dates ``YYYY-MM-DD``, booleans ``yes``/``no``, no value as an empty cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import String, Table

from lbsdesk.db.models import Inquiry, Learner, Partner, Referral
from lbsdesk.domain.codes import (
    DIRECTIONS,
    GOAL_PATHS,
    INFORMAL_SOURCES,
    INQUIRY_CHANNELS,
    ORG_TYPES,
    PLAN_STAGES,
    REFERRAL_STATUSES,
    CodeList,
)
from lbsdesk.errors import LbsDeskError

# How a cell is read.
KEY = "key"  # the record's own identifier (stored in the ``*_key`` column)
TEXT = "text"
DATE = "date"
BOOL = "bool"
CODE = "code"
REF = "ref"  # the key of a record of another kind, stored as that record's database id


@dataclass(frozen=True)
class CsvColumn:
    """One column of a CSV file and the table column it fills."""

    name: str
    #: the column of the kind's table that holds the value
    field: str
    type: str = TEXT
    required: bool = False
    #: for CODE columns: a value must be a code of one of these lists
    codes: tuple[CodeList, ...] = ()
    #: for REF columns: the kind the key points to
    ref_kind: str | None = None
    #: the value an empty cell stands for (None: no value)
    empty_value: Any = None


@dataclass(frozen=True)
class CsvKind:
    """One KIND of import/export file."""

    kind: str
    #: the singular word used in messages ("learner")
    noun: str
    model: type
    columns: tuple[CsvColumn, ...]
    #: the relationship from this kind's rows to a learner, for the audit trail
    learner_field: str | None = None
    _by_name: dict[str, CsvColumn] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_name.update({column.name: column for column in self.columns})

    @property
    def table(self) -> Table:
        return self.model.__table__

    @property
    def table_name(self) -> str:
        return self.table.name

    @property
    def key(self) -> CsvColumn:
        return self.columns[0]

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)

    def column(self, name: str) -> CsvColumn | None:
        return self._by_name.get(name)

    def max_length(self, column: CsvColumn) -> int | None:
        """The longest value the table column takes (PostgreSQL enforces it; SQLite does not)."""
        column_type = self.table.c[column.field].type
        return column_type.length if isinstance(column_type, String) else None


PARTNERS = CsvKind(
    "partners",
    "partner",
    Partner,
    (
        CsvColumn("partner_id", "partner_key", KEY, required=True),
        CsvColumn("name", "name", required=True),
        CsvColumn("org_type", "org_type", CODE, required=True, codes=(ORG_TYPES,)),
        CsvColumn("program", "program"),
        CsvColumn("contact_name", "contact_name"),
        CsvColumn("phone", "phone"),
        CsvColumn("email", "email"),
        CsvColumn("address", "address"),
        CsvColumn("agreement", "agreement", BOOL, empty_value=False),
        CsvColumn("agreement_date", "agreement_date", DATE),
        CsvColumn("co_located", "co_located", BOOL, empty_value=False),
        CsvColumn("notes", "notes"),
    ),
)

LEARNERS = CsvKind(
    "learners",
    "learner",
    Learner,
    (
        CsvColumn("learner_id", "learner_key", KEY, required=True),
        CsvColumn("first_name", "first_name", required=True),
        CsvColumn("last_name", "last_name", required=True),
        CsvColumn("date_of_birth", "date_of_birth", DATE),
        CsvColumn("phone", "phone"),
        CsvColumn("email", "email"),
        CsvColumn("intake_date", "intake_date", DATE, required=True),
        CsvColumn("goal_path", "goal_path", CODE, codes=(GOAL_PATHS,)),
        CsvColumn("stage", "stage", CODE, codes=(PLAN_STAGES,)),
        CsvColumn("exit_date", "exit_date", DATE),
        CsvColumn("exit_reason", "exit_reason"),
        CsvColumn("consent_to_share", "consent_to_share", BOOL),
        CsvColumn("consent_date", "consent_date", DATE),
    ),
    learner_field="id",
)

REFERRALS = CsvKind(
    "referrals",
    "referral",
    Referral,
    (
        CsvColumn("referral_id", "referral_key", KEY, required=True),
        CsvColumn("learner_id", "learner_id", REF, required=True, ref_kind="learners"),
        CsvColumn("direction", "direction", CODE, required=True, codes=(DIRECTIONS,)),
        CsvColumn("date", "referral_date", DATE, required=True),
        CsvColumn("partner_id", "partner_id", REF, ref_kind="partners"),
        CsvColumn("source", "source", CODE, codes=(INFORMAL_SOURCES,)),
        CsvColumn("formal", "formal", BOOL, required=True),
        CsvColumn("reason", "reason"),
        CsvColumn("status", "status", CODE, codes=(REFERRAL_STATUSES,), empty_value="unknown"),
        CsvColumn("follow_up_date", "follow_up_date", DATE),
        CsvColumn("cams_entered_date", "cams_entered_date", DATE),
    ),
    learner_field="learner_id",
)

INQUIRIES = CsvKind(
    "inquiries",
    "inquiry",
    Inquiry,
    (
        CsvColumn("inquiry_id", "inquiry_key", KEY, required=True),
        CsvColumn("date", "inquiry_date", DATE, required=True),
        CsvColumn("channel", "channel", CODE, required=True, codes=(INQUIRY_CHANNELS,)),
        CsvColumn("source", "source", CODE, codes=(ORG_TYPES, INFORMAL_SOURCES)),
        CsvColumn("learner_id", "learner_id", REF, ref_kind="learners"),
        CsvColumn("notes", "notes"),
    ),
    learner_field="learner_id",
)

KINDS: dict[str, CsvKind] = {spec.kind: spec for spec in (PARTNERS, LEARNERS, REFERRALS, INQUIRIES)}


def kind_spec(kind: str) -> CsvKind:
    """The spec of ``kind``, or an error naming the valid kinds."""
    try:
        return KINDS[kind]
    except (KeyError, TypeError):
        raise LbsDeskError(
            f"Unknown kind {kind!r}: use one of {', '.join(KINDS)}."
        ) from None


def format_cell(column: CsvColumn, value: Any) -> str:
    """A stored value as export writes it (and import reads it back)."""
    if value is None:
        return ""
    if column.type == BOOL:
        return "yes" if value else "no"
    if column.type == DATE:
        return value.isoformat() if isinstance(value, date) else str(value)
    return str(value)

"""Planner hints for SQLite, the only place SQLite-specific SQL is written (services stay portable).

``unindexed(column)`` renders ``+column`` on SQLite, which stops the planner from driving a query
from that column's index, and the plain column on every other database.
"""

from __future__ import annotations

from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement


class unindexed(FunctionElement):  # noqa: N801
    """A column the SQLite planner must not drive the query from (``+column``; elsewhere the column).

    Measured with 100,000 learners: "intake_date <= today" matches nearly everyone, yet SQLite walks
    ``ix_learner_intake_date`` and looks up every row in random order (300 ms) where scanning the
    table and sorting takes 30-80 ms.  Narrow conditions (search, subqueries) still use their indexes.
    """

    inherit_cache = True
    name = "unindexed"

    def __init__(self, column):  # noqa: ANN001
        super().__init__(column)
        self.type = column.type


@compiles(unindexed)
def _compile_unindexed(element, compiler, **kw):  # noqa: ANN001, ANN202
    return compiler.process(element.clauses, **kw)


@compiles(unindexed, "sqlite")
def _compile_unindexed_sqlite(element, compiler, **kw):  # noqa: ANN001, ANN202
    return "+" + compiler.process(element.clauses, **kw)

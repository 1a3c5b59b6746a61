"""Exporting the CSV files of SPEC.md section 2: the columns import reads, in SPEC order.

The file is UTF-8 without a BOM, comma-separated, with a header row; dates ``YYYY-MM-DD``, booleans
``yes``/``no``, references written as the other record's key.  Rows come in the order they were
created.  Importing the file back into the same database changes nothing (every row unchanged).
The file is written next to its destination and moved into place, so a failed export never leaves
half a file behind.
"""

from __future__ import annotations

import csv
import os
import tempfile
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from lbsdesk.errors import LbsDeskError
from lbsdesk.services.csv_columns import KINDS, REF, format_cell, kind_spec

FETCH_BATCH = 5000


def export_csv(session: Session, kind: str, path: Path) -> int:
    """Write every record of KIND to ``path``; return the number of rows written."""
    spec = kind_spec(kind)
    path = Path(path)
    table = spec.table
    selected = []
    source = table
    for column in spec.columns:
        if column.type == REF:
            ref_spec = KINDS[column.ref_kind]
            ref_table = ref_spec.table.alias(f"ref_{column.name}")
            source = source.outerjoin(ref_table, table.c[column.field] == ref_table.c.id)
            selected.append(ref_table.c[ref_spec.key.field])
        else:
            selected.append(table.c[column.field])
    statement = select(*selected).select_from(source).order_by(table.c.id)

    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise LbsDeskError(f"{path}: cannot write the file ({exc.strerror or exc}).") from None
    count = 0
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(spec.column_names)
            result = session.execute(statement.execution_options(yield_per=FETCH_BATCH))
            columns = spec.columns
            for row in result:
                writer.writerow([format_cell(column, value) for column, value in zip(columns, row)])
                count += 1
        os.replace(temp_name, path)
    except OSError as exc:
        _remove_quietly(temp_name)
        raise LbsDeskError(f"{path}: cannot write the file ({exc.strerror or exc}).") from None
    except BaseException:
        _remove_quietly(temp_name)
        raise
    return count


def _remove_quietly(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass

"""Loading coalition inventories: workbooks and CSVs in, a checked graph out.

Public entry points: :func:`load_inputs` (files → :class:`LoadResult`) and
:func:`write_template` (the blank workbook a city fills in).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from coalitions.loaders.readers import SourceFile
    from coalitions.loaders.template import write_template
    from coalitions.loaders.workbook import LoadResult, load_inputs

__all__ = ["LoadResult", "SourceFile", "load_inputs", "write_template"]

# Resolved on first use (PEP 562): the commands that only read a store need
# coalitions.loaders.taxonomy (for scope matching), not the readers, validators and
# workbook writer, which cost some 10 ms of start-up.
_HOME = {"SourceFile": "readers", "write_template": "template", "LoadResult": "workbook",
         "load_inputs": "workbook"}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])

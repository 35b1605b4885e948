"""Loading coalition inventories: workbooks and CSVs in, a checked graph out.

Public entry points: :func:`load_inputs` (files → :class:`LoadResult`) and
:func:`write_template` (the blank workbook a city fills in).
"""

from coalitions.loaders.readers import SourceFile
from coalitions.loaders.template import write_template
from coalitions.loaders.workbook import LoadResult, load_inputs

__all__ = ["LoadResult", "SourceFile", "load_inputs", "write_template"]

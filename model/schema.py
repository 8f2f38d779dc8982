"""Transitional names for the current format (model.template.CURRENT); being removed (issue 18).

New code takes the format from the report it works on (`report.template`), never from here.
"""

from __future__ import annotations

from model.template import CURRENT as _T
from model.template.types import (  # noqa: F401  (re-exported)
    Cell,
    ChecklistItem,
    GridCell,
    MetaField,
    Role,
    Section,
    T2Block,
    T3Group,
    Table,
    ValueKind,
)

TEMPLATE = _T.id
FORMAT_TITLE = _T.format_title
FORMAT_DOC = _T.format_doc
REPORT_TITLE_SUFFIX = _T.report_title_suffix
MAX_VALUE = _T.max_value
AMOUNT_PLACES = _T.amount_places
SECTIONS = _T.sections
SECTION_OF_TABLE = _T.section_of_table
TEXT_SECTION_KEYS = _T.text_section_keys
PREAMBLE_LABEL = _T.preamble_label
SUBHEAD_PATTERN = _T.subhead_pattern
S6_ITEMS = _T.s6_items
AGENCY_KINDS = _T.agency_kinds
ADMIN_LEVELS = _T.admin_levels
META_FIELDS = _T.meta_fields
YEAR_MIN, YEAR_MAX = _T.year_min, _T.year_max
TABLE_NUMERALS = _T.table_numerals
T2_INFO_HEADER = _T.t2_info_header
T2_BLOCKS = _T.t2_blocks
T3_CORNER = _T.t3.corner
T3_APPLICANT = _T.t3.applicant
T3_LEGAL_PERSONS = _T.t3.legal_persons
T3_COLUMNS = _T.t3.columns
T3_TOTAL_COL = _T.t3.total_col
T3_INPUT_COLS = _T.t3.input_cols
T3_RESULTS_LABEL = _T.t3.results_label
T3_RESULT_GROUPS = _T.t3.result_groups
T3_TOTAL_ROW = _T.t3.total_row
T3_HEAD_ROWS = _T.t3.head_rows
T3_TAIL_ROW = _T.t3.tail_row
T3_RESULT_ROWS = _T.t3.result_rows
T3_ROWS = _T.t3.rows
T3_ROW_LABELS = _T.t3.row_labels
T3_COL_LABELS = _T.t3.col_labels
T4_REVIEW_LABEL = _T.t4.review_label
T4_SUIT_LABEL = _T.t4.suit_label
T4_GROUPS = _T.t4.groups
T4_COLUMNS = _T.t4.columns
T4_TOTAL_COL = _T.t4.total_col
TABLES = _T.tables
TABLES_BY_KEY = _T.tables_by_key
CELLS = _T.cells
INPUT_CODES = _T.input_codes
DERIVED_CODES = _T.derived_codes
DERIVED_ORDER = _T.derived_order
LABEL_ALIASES = dict(_T.label_aliases)
table = _T.table
t3 = _T.t3_code
t4 = _T.t4_code
canonical_label = _T.canonical_label
report_title = _T.report_title

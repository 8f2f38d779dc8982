"""Rule G6: figures stated in the narrative (preamble, 一、五、六) checked against the tables.

A report whose text says 收到申请3件 while table 三 says 2 is 发布内容不准确 in the format's words. The
check is built for confidence over recall: a false alarm on a correct report costs the user as much
as a miss. So a number is read only when a keyword of a table figure stands right before it in the
same clause (with nothing but filler such as 共计/为 in between), only for this report's year, never
for approximate numbers (二十余件, 近百件, 约), dates, document numbers, phone numbers or addresses.
Where a phrase can mean more than one cell (受理 may include 上年结转) every reading is tried, and
any reading that matches keeps it silent; a reading that needs a blank cell keeps it silent too.

Pipeline per section (scan.py): sentences (split at 。！？；and line breaks, as model.checks.location
quotes them), then keyword tokens (vocabulary.py) and number tokens (numbers.py) of each sentence, then
each number is attached to the nearest keyword before it in its clause (，；：and brackets end a clause),
the keyword is resolved in its context (sentence.py: a verb before a noun, the sentence's topic for
其中自然人…), and every reading (readings.py, built from the report's template) is compared (claims.py).
The finding is a record whose message is made in messages.py.
"""

from model.checks.text_figures.messages import TextMismatch
from model.checks.text_figures.numbers import parse_chinese_numeral
from model.checks.text_figures.scan import claims_of as _claims
from model.checks.text_figures.scan import g6_findings

__all__ = ["TextMismatch", "g6_findings", "parse_chinese_numeral", "_claims"]

"""Reference data: who was HM Chief Inspector of Probation, and when.

The Inspectorate's press releases and reports speak in the Chief Inspector's voice ("..., said Anne Example,
Chief Inspector of Probation"), and many are undated as collected (a press release saved without its page's
date). The Chief Inspector a document quotes bounds when it was published: not before the term began, not
after it ended. Inspections use that bound to tell apart two undated documents of one service written years
apart (pipeline/derive/inspections.py); it is never a date fact of its own.

Terms, each with the public statement that gives it:

- Andrew Bridges: Chief Inspector from 2004; retired in 2011 (The Guardian, "Why probation service still
  requires the expertise of Andrew Bridges", 4 July 2011, calls him the retired Chief Inspector). His last day
  is not stated in a source at hand: his term is taken to run to the end of 2011, and his successor's to start
  at the beginning of 2011, so the two overlap where the handover is not known.
- Liz Calderbank: Chief Inspector from 2011 (after the Justice Committee declined the first preferred
  candidate at its hearing of 11 May 2011) until her successor took up post in February 2014.
- Paul McDowell: took up post in February 2014, resigned on 1 February 2015 (BBC News, "Probation chief Paul
  McDowell resigns over 'conflict of interest'", 1 February 2015).
- Paul Wilson: interim Chief Inspector from February 2015 until his successor began on 1 March 2016.
- Dame Glenys Stacey: appointed for three years from 1 March 2016 (written statement to Parliament, 7 January
  2016); continued in post until 31 May 2019 (Ministry of Justice, "Justin Russell announced as candidate for
  next Chief Inspector of Probation", 2019).
- Justin Russell: joined in June 2019 (the Inspectorate, "Chief Inspector to leave post in the autumn", 2023);
  his term ended on 30 September 2023 (Civil Service World, "Former ombudsman named interim probation
  inspector", 2023).
- Sue McAllister: interim Chief Inspector from 1 October 2023 to 29 February 2024 (the Inspectorate, "A farewell
  from our interim Chief Inspector, Sue McAllister", 29 February 2024).
- Martin Jones: from 1 March 2024 (the same farewell); in post as this list was last checked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# A document may be published a little before its Chief Inspector's first day (prepared under them, released on
# the day of a handover) or after their last (a report signed before they left): each term is widened by this.
TERM_GRACE_DAYS = 31


@dataclass(frozen=True)
class ChiefInspector:
    name: str  # as documents usually write it
    other_names: tuple[str, ...]  # the other ways documents write it (with a title, a first name in full)
    first_day: dt.date
    last_day: dt.date | None  # None: in post as the list was last checked

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.other_names)

    def published_between(self) -> tuple[dt.date, dt.date]:
        """The window a document in this Chief Inspector's voice was published in (TERM_GRACE_DAYS each side;
        open-ended for the Chief Inspector in post, so the window never depends on the day of the run)."""
        grace = dt.timedelta(days=TERM_GRACE_DAYS)
        return self.first_day - grace, (self.last_day + grace) if self.last_day else dt.date.max


CHIEF_INSPECTORS: tuple[ChiefInspector, ...] = (
    ChiefInspector("Andrew Bridges", (), dt.date(2004, 1, 1), dt.date(2011, 12, 31)),
    ChiefInspector("Liz Calderbank", ("Elizabeth Calderbank",), dt.date(2011, 1, 1), dt.date(2014, 2, 28)),
    ChiefInspector("Paul McDowell", (), dt.date(2014, 2, 1), dt.date(2015, 2, 1)),
    ChiefInspector("Paul Wilson", (), dt.date(2015, 2, 1), dt.date(2016, 2, 29)),
    ChiefInspector("Glenys Stacey", ("Dame Glenys Stacey",), dt.date(2016, 3, 1), dt.date(2019, 5, 31)),
    ChiefInspector("Justin Russell", (), dt.date(2019, 6, 1), dt.date(2023, 9, 30)),
    ChiefInspector("Sue McAllister", (), dt.date(2023, 10, 1), dt.date(2024, 2, 29)),
    ChiefInspector("Martin Jones", (), dt.date(2024, 3, 1), None),
)

BY_NAME: dict[str, ChiefInspector] = {name.lower(): ci for ci in CHIEF_INSPECTORS for name in ci.names}

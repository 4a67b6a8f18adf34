"""What the fetcher expects of the Inspectorate's website: where its listings are and how their pages are built.

Kept as data, with what each part looks like on the real site, so that when the site changes this file says
what was assumed and the fetcher says which page no longer fits (``StructureChanged``), never a silent empty
run. The structure is the one the site's youth inspection listings have had since 2018 (the same that the
public data-to-insight scraper reads):

- the inspections listing, ``inspections?probation-inspection-type=<programme>&year=<year>&paged=<n>``, whose
  filter form lists the programmes (``select[name=probation-inspection-type]``) and the years
  (``select[name=year]``); each result is a ``div.result.inspection`` with its link in ``h4 a``; a page past
  the last says "No results";
- each inspection's page: a ``div#inspection-meta`` definition list whose "Date of publication" gives the date
  ("12 March 2024"), links to the report PDF (and a Welsh-language PDF for a Welsh service), sometimes to the
  report as a web page (``/document/...``) and to its press release (``/media/press-releases/...``);
- the press releases listing, ``media/press-releases/?paged=<n>``, each result a ``div.result`` with its link
  in ``h4 a``, and each press release a page whose ``main`` (or ``article``) holds its text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class SiteStructure:
    default_site: str = "https://www.justiceinspectorates.gov.uk/hmiprobation/"
    inspections_path: str = "inspections"
    programme_parameter: str = "probation-inspection-type"
    year_parameter: str = "year"
    page_parameter: str = "paged"
    # WordPress numbers listing pages from 1 ('paged=0' and 'paged=1' are both the first page; the second is
    # 'paged=2'): asking for 0 then 1 reads the first page twice and never the second.
    first_page: int = 1
    # The Inspectorate's newer website (2025 on), read through its sitemaps beside the older site's listings.
    new_site: str = "https://hmiprobation.justiceinspectorates.gov.uk/"
    # Where a WordPress site keeps its sitemap when robots.txt names none: the core's, and the common plugins'.
    sitemap_paths: tuple[str, ...] = ("wp-sitemap.xml", "sitemap_index.xml")
    # A WordPress site's feeds of its newest posts: the whole site's, and the news section's.
    feed_paths: tuple[str, ...] = ("feed/", "news/feed/")
    # A listing page's own link to the next page, where it has one: followed before any counting.
    next_page_links: tuple[str, ...] = ("a.next.page-numbers[href]", "a.next[href]", 'link[rel="next"][href]',
                                        'a[rel~="next"][href]')
    inspection_result: str = "div.result.inspection"
    result_link: str = "h4 a[href]"
    no_results: re.Pattern[str] = re.compile(r"\bno\s+(?:results|inspections|publications|press\s+releases)\b", re.I)
    metadata_block: str = "div#inspection-meta"
    publication_label: re.Pattern[str] = re.compile(r"date\s+of\s+publication", re.I)
    press_releases_path: str = "media/press-releases/"
    press_release_result: str = "div.result"
    press_release_link: re.Pattern[str] = re.compile(r"/media/press-releases/\d{4}/\d{2}/[^/]+/?$")
    web_report_link: re.Pattern[str] = re.compile(r"/document/[^/]+/?$")


STRUCTURE = SiteStructure()

# A programme of the inspections listing is a youth one when its name says so ("Inspection of youth
# offending services (2018 onwards)", "Youth justice inspections", "Core case inspection", "Full joint
# inspection of youth offending work").
YOUTH_PROGRAMME = re.compile(r"\byouth\b|\bYOT\b|\bYJS\b|\bcore\s+case\b|\bjoint\s+inspection\s+of\s+youth\b", re.I)
# A press release about youth justice: its title names a youth service or the youth annual report.
YOUTH_PRESS_RELEASE = re.compile(r"\byouth\b|\bYOT\b|\bYJS\b|\bYOS\b|\bchildren\b", re.I)
# What a sitemap's address is: a press release ("/news/<slug>" on the newer site, "/media/press-releases/<year>/
# <month>/<slug>/" on the older), a report as a web page ("/document/<slug>"), an inspection's page
# ("/inspections/<slug>/"). Anything else (blogs, "?p=<id>" short links, guidance) is not a candidate.
SITEMAP_PRESS_RELEASE = re.compile(r"/(?:news|media/press-releases/\d{4}/\d{2})/(?P<slug>[^/?#]+)/?$")
SITEMAP_REPORT_PAGE = re.compile(r"/document/(?P<slug>[^/?#]+)/?$")
SITEMAP_INSPECTION_PAGE = re.compile(r"/inspections/(?P<slug>[^/?#]+)/?$")
# A slug about youth justice: "an-inspection-of-youth-justice-work-with-children-and-victims-in-anytown-2025",
# "anytown-yjs-rated-good".
YOUTH_SLUG = re.compile(r"(?:^|-)(?:youth|yjs|yos|yot|children)(?:-|$)")
# A link to a Welsh-language version ("Welsh version", "Cymraeg", "...-welsh.pdf", "...-cy.pdf").
WELSH_LINK = re.compile(r"\bwelsh\b|\bcymraeg\b|[-_](?:welsh|cy)\.pdf$", re.I)
# A link to the report itself, not to an annex or a data file: PDFs whose text names the report or inspection.
REPORT_LINK_TEXT = re.compile(r"\breport\b|\binspection\b|\badroddiad\b|\barolygiad\b", re.I)
PUBLICATION_DATE_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %Y")

"""Youth justice services that cover more than one local authority area, and the areas each covers.

Reference data for the services table's ``areas`` column, by the service key the extraction gives
(``extractors.services.service_key``: the place, lower case, hyphenated). A service not listed here covers
the one area its name gives. Only joint services whose areas their own name or their publications state are
listed; a name that only looks like two places ("Bath and North East Somerset", "Telford and Wrekin",
"Hammersmith & Fulham") is one area and is not split.
"""

from __future__ import annotations

JOINT_SERVICES: dict[str, tuple[str, ...]] = {
    # West Mercia Youth Justice Service
    "west-mercia": ("Herefordshire", "Worcestershire", "Shropshire", "Telford and Wrekin"),
    # Conwy and Denbighshire Youth Justice Service
    "conwy-and-denbighshire": ("Conwy", "Denbighshire"),
    # Gwynedd and Ynys Môn Youth Justice Service
    "gwynedd-and-ynys-mon": ("Gwynedd", "Isle of Anglesey"),
    "gwynedd-and-mon": ("Gwynedd", "Isle of Anglesey"),
    # Western Bay Youth Justice and Early Intervention Service (until 2019)
    "western-bay": ("Swansea", "Neath Port Talbot", "Bridgend"),
    # South Tees Youth Justice Service
    "south-tees": ("Middlesbrough", "Redcar and Cleveland"),
    # Kingston and Richmond Youth Justice Service
    "kingston-and-richmond": ("Kingston upon Thames", "Richmond upon Thames"),
    # Monmouthshire and Torfaen Youth Offending Service
    "monmouthshire-and-torfaen": ("Monmouthshire", "Torfaen"),
    # Cheshire West, Halton and Warrington Youth Justice Service
    "cheshire-west-halton-and-warrington": ("Cheshire West and Chester", "Halton", "Warrington"),
    # Cwm Taf Youth Offending Service
    "cwm-taf": ("Merthyr Tydfil", "Rhondda Cynon Taf"),
}

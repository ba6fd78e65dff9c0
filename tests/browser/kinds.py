"""One page of each kind, by its path without the language prefix, and the language prefixes:
the pages the browser tests and `bench/lighthouse.py` check."""

LANGS = {"nl": "", "fr": "fr/"}
PAGES = {
    "home": "",
    "testimonies": "stories/",
    "testimony": "stories/farid-mariam/",
    "listing": "stories/themes/detention/",  # the testimonies of one theme
    "editions": "editions/",
    "edition": "editions/118/",
    "reports": "reports/",
    "report": "reports/detention-2024/",
    "page": "about/",
    "guide": "guide/",
    "guide-reference": "guide/reference/",  # wide tables that scroll on a phone
    "404": "404.html",
}

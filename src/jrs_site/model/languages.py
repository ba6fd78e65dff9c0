"""The site's languages: which, in what order, which is the default.

They are configured in one place, the mkdocs-static-i18n plugin's `languages:` in mkdocs.yml
(`load.config` reads it; nothing else lists languages). Adding one is a change to that list,
a locale catalogue (`locales/<code>.yml`) and the texts: no change to the program. Until a
project is loaded, the languages are Dutch and French, Dutch the default.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from babel import Locale


@dataclass(frozen=True)
class Languages:
    """The configured languages, the default first."""

    codes: tuple[str, ...]
    default: str

    def __post_init__(self) -> None:
        if self.default not in self.codes:
            raise ValueError(f"the default language {self.default!r} is not one of {self.codes}")

    def others(self, lang: str) -> list[str]:
        """Every language but `lang`, in order."""
        return [code for code in self.codes if code != lang]


#: The languages of a project whose mkdocs.yml lists none.
BILINGUAL = Languages(("nl", "fr"), "nl")
_current = [BILINGUAL]


def languages() -> Languages:
    """The languages of the project being built."""
    return _current[0]


def configure(configured: Languages) -> None:
    """Set the languages of the project being built (one project per process)."""
    _current[0] = configured


@cache
def english_name(code: str) -> str:
    """'Dutch', 'French', 'English': a language's name in messages to staff."""
    try:
        return Locale.parse(code).get_display_name("en") or code
    except (ValueError, LookupError):
        return code

"""The site's languages: which, in what order, which is the default.

They are configured in one place, the mkdocs-static-i18n plugin's `languages:` in mkdocs.yml
(`load.config` reads it; nothing else lists languages). Adding one is a change to that list,
a locale catalogue (`locales/<code>.yml`) and the texts: no change to the program. Nothing
holds them for the process: the loaded `Site` carries them (`site.languages`, and each item
its own), schema validation gets them in pydantic's context (`validation_context`), and an
adapter without a site passes the ones `load.config.read_languages` finds.
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
#: The key of the languages in the context of a schema's validation.
CONTEXT_KEY = "languages"


def validation_context(configured: Languages) -> dict[str, Languages]:
    """The pydantic validation context that gives the schemas their languages:
    `model.model_validate(data, context=validation_context(languages))`."""
    return {CONTEXT_KEY: configured}


@cache
def english_name(code: str) -> str:
    """'Dutch', 'French', 'English': a language's name in messages to staff."""
    try:
        return Locale.parse(code).get_display_name("en") or code
    except (ValueError, LookupError):
        return code

"""Every check of the content, in one call: what `jrs-site check` reports and every build runs.

Loading checks the sources, their links, consent and photos; when that finds no error, the
photos of the printed editions are checked at the size the newsletter prints them. Those are
warnings here, since they do not block the website (the print PDF treats them as errors).
"""

from __future__ import annotations

from pathlib import Path

from jrs_site.load.loader import load_site
from jrs_site.load.sources import SourceError, read_yaml
from jrs_site.model.bundles import Site
from jrs_site.model.languages import Languages, english_name
from jrs_site.model.problems import Problem, of_severity
from jrs_site.outputs.pdf.layout import website_print_problems
from jrs_site.render import l10n


def check_site(
    root: Path, cache: Path | None = None, *, drafts: bool = False
) -> tuple[Site, list[Problem]]:
    """The site under `root` and every problem found in it (see `load_site`)."""
    site, problems = load_site(root, cache, drafts=drafts)
    problems += catalogue_problems(site.languages)
    if not of_severity(problems, "error"):
        # Once per loaded site: `jrs-site build` checks, then its build checks the same site.
        problems += site.once("print problems", lambda: website_print_problems(site))
    return site, problems


def catalogue_problems(languages: Languages) -> list[Problem]:
    """A configured language without a catalogue of UI strings (an error), and what each
    catalogue lacks: a key, or a plural form the language uses (warnings: the English words,
    or the entry's `other`, show instead)."""
    problems = []
    reference = Path(str(l10n.catalogue_file(l10n.REFERENCE)))
    english = l10n.catalogue(l10n.REFERENCE)
    for lang in languages.codes:
        path, name = Path(str(l10n.catalogue_file(lang))), english_name(lang)
        if not path.is_file():
            hint = f"copy {reference} to {path} and translate the right-hand sides into {name}"
            problems.append(Problem(path, f"no catalogue of interface words in {name}", hint=hint))
            continue
        unreadable = _unreadable(path, name)
        if unreadable:
            problems += unreadable
            continue
        examples = l10n.plural_examples(lang)
        for key, form in l10n.catalogue_gaps(lang):
            if not form:
                message = f"'{key}' is missing: the English words show instead"
                hint = f"add '{key}:' with the {name} words for: {english[key]!r}"
            else:
                counts = ", ".join(map(str, examples[form]))
                message = (
                    f"the plural form '{form}' of '{key}' is missing: {name} uses it for "
                    f"{counts}..., and shows the 'other' form instead"
                )
                hint = f"add '{form}: ...' under '{key}:', the words for {examples[form][0]}"
            problems.append(Problem(path, message, key, severity="warning", hint=hint))
    return problems


def _unreadable(path: Path, name: str) -> list[Problem]:
    """What keeps the catalogue at `path` from being read: its YAML, or an entry that is
    neither words nor words per plural form with an `other` (errors: a page would fail)."""
    try:
        strings = read_yaml(path)
    except SourceError as error:
        return [error.problem]
    if not isinstance(strings, dict):
        hint = "write one 'key: words' line per entry, as in locales/en.yml"
        return [Problem(path, f"the catalogue of {name} holds no entries", hint=hint)]
    problems = []
    for key, entry in strings.items():
        forms = entry if isinstance(entry, dict) else {"other": entry}
        if "other" not in forms or not all(isinstance(v, str) for v in forms.values()):
            hint = "words in quotes, or one line per plural form (one:, few:, other:...)"
            message = f"'{key}' needs words, and a counted entry its 'other' form"
            problems.append(Problem(path, message, str(key), hint=hint))
    return problems

"""The bad-input corpus: each case spoils one thing in a copy of the example project and says
what `jrs-site check` must answer: the file it names, a part of the message or of its hint,
the field or line where there is one, and the exit code.

Photos that are corrupt, empty or enormous are made here at test time: no binary fixture.
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

ESTHER = "stories/esther"
REPORT = "reports/detention-2024"


@dataclass(frozen=True)
class Case:
    """One bad input and the answer it must get."""

    name: str
    apply: Callable[[Path], None]
    file: str  # the file the message names, relative to the project
    message: str  # a part of the message or its hint
    exit_code: int = 1
    field: str | None = None
    line: int | None = None
    severity: str = "error"


def edit(path: str, old: str, new: str, count: int = 1) -> Callable[[Path], None]:
    """Replace `old` (which must be there) by `new` in one file of the project."""

    def apply(project: Path) -> None:
        file = project / path
        text = file.read_text("utf-8")
        assert old in text, f"{old!r} is no longer in {path}: update this case"
        file.write_text(text.replace(old, new, count), "utf-8")

    return apply


def write(path: str, data: bytes | Callable[[], bytes]) -> Callable[[Path], None]:
    """Write `data` (or what it returns) over one file of the project."""

    def apply(project: Path) -> None:
        (project / path).parent.mkdir(parents=True, exist_ok=True)
        (project / path).write_bytes(data() if callable(data) else data)

    return apply


def prepend_body(path: str, text: str | Callable[[], str]) -> Callable[[Path], None]:
    """Put `text` (or what it returns) at the start of the body of a Markdown file."""

    def apply(project: Path) -> None:
        file = project / path
        front, _, body = file.read_text("utf-8").partition("\n---\n")
        added = text() if callable(text) else text
        file.write_text(f"{front}\n---\n{added}\n\n{body}", "utf-8")

    return apply


def remove(path: str) -> Callable[[Path], None]:
    def apply(project: Path) -> None:
        (project / path).unlink()

    return apply


def both(*steps: Callable[[Path], None]) -> Callable[[Path], None]:
    def apply(project: Path) -> None:
        for step in steps:
            step(project)

    return apply


def bom_and_crlf(path: str) -> Callable[[Path], None]:
    def apply(project: Path) -> None:
        file = project / path
        file.write_bytes(b"\xef\xbb\xbf" + file.read_bytes().replace(b"\n", b"\r\n"))

    return apply


def symlink_outside(path: str) -> Callable[[Path], None]:
    """Move the photo at `path` out of the project and leave a link to it in its place."""

    def apply(project: Path) -> None:
        outside = project.parent / f"outside-{project.name}.jpg"
        (project / path).rename(outside)
        (project / path).symlink_to(outside)

    return apply


def folder_copy(source: str, target: str) -> Callable[[Path], None]:
    def apply(project: Path) -> None:
        (project / target).mkdir()
        for file in (project / source).iterdir():
            (project / target / file.name).write_bytes(file.read_bytes())

    return apply


def cut_jpeg() -> bytes:
    """A JPEG cut off after its first few kilobytes, as an interrupted copy leaves it."""
    out = io.BytesIO()
    Image.effect_noise((600, 400), 60).convert("RGB").save(out, "JPEG", quality=90)
    return out.getvalue()[:3000]


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims `width` x `height` pixels: a decompression bomb."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 99))


ESTHER_PERSON = "person:\n  name: Esther\n  pseudonym: true\n"
FAMILY = "people:\n  - {name: Esther, pseudonym: true}\n  - {name: Grace, pseudonym: false}\n"

#: Pathological texts (issue 21): each used to pass check, then crash or swamp the build.
DEEP_QUOTE = "> " * 2000 + "Wie dit leest, leest een e-mail van 2000 antwoorden."
DEEP_LIST = "\n".join("  " * level + f"- punt {level + 1}" for level in range(600))


def pasted_text() -> str:
    """4.8 MB of testimony, as if a whole document had been pasted into it (made here)."""
    paragraph = "We wachtten elke dag op een brief die niet kwam, en toch bleven we hopen. " * 8
    return "\n\n".join([paragraph.strip()] * (4_800_000 // (len(paragraph) + 1)))


NOT_UTF8 = "---\ntitle: Café\nlead: Een café in Brussel.\n---\nTekst.\n".encode("latin-1")
LONG_TITLE = "Een titel die maar doorgaat " * 12

CASES = [
    # -- malformed YAML and front matter ------------------------------------------------------
    Case(
        "tab-indent",
        edit(f"{ESTHER}/story.yml", "  name: Esther", "\tname: Esther"),
        f"{ESTHER}/story.yml",
        "a tab is used for indentation",
        line=2,
    ),
    Case(
        "unclosed-quote",
        edit(f"{ESTHER}/nl.md", 'vliegtuigen.”"\n', "vliegtuigen.”\n"),
        f"{ESTHER}/nl.md",
        "a quote is opened but never closed",
    ),
    Case(
        "duplicate-key",
        edit(f"{ESTHER}/story.yml", "country: CD\n", "country: CD\ncountry: CG\n"),
        f"{ESTHER}/story.yml",
        "the key 'country' is written twice (first on line 4)",
        line=5,
    ),
    Case(
        "front-matter-never-closed",
        edit(f"{ESTHER}/fr.md", "\n---\n", "\n\n"),
        f"{ESTHER}/fr.md",
        "the front matter is never closed",
        line=1,
    ),
    Case(
        "no-front-matter",
        write(f"{ESTHER}/fr.md", "Un témoignage sans en-tête.\n".encode()),
        f"{ESTHER}/fr.md",
        "the file does not start with front matter",
        line=1,
    ),
    Case("empty-file", write(f"{ESTHER}/fr.md", b""), f"{ESTHER}/fr.md", "the file is empty"),
    Case(
        "not-utf8",
        write(f"{ESTHER}/nl.md", NOT_UTF8),
        f"{ESTHER}/nl.md",
        "save it again in your editor with the encoding 'UTF-8'",
        line=2,
    ),
    Case(
        "bom-and-crlf-are-fine",
        both(bom_and_crlf(f"{ESTHER}/nl.md"), bom_and_crlf(f"{ESTHER}/story.yml")),
        f"{ESTHER}/nl.md",
        "",
        exit_code=0,
    ),
    # -- wrong values -------------------------------------------------------------------------
    Case(
        "date-not-a-date",
        edit(f"{ESTHER}/story.yml", "date: 2025-09-25", "date: gisteren"),
        f"{ESTHER}/story.yml",
        "'gisteren' is not a date",
        field="date",
        line=6,
    ),
    Case(
        "year-in-words",
        edit(f"{ESTHER}/story.yml", "arrived: 2018", "arrived: tweeduizend achttien"),
        f"{ESTHER}/story.yml",
        "write digits only, e.g. 2019",
        field="arrived",
        line=5,
    ),
    Case(
        "misspelt-field",
        edit(f"{ESTHER}/story.yml", "consent:", "consnet:"),
        f"{ESTHER}/story.yml",
        "did you mean 'consent'?",
        field="consnet",
        line=9,
    ),
    Case(
        "misspelt-nested-field",
        edit(f"{ESTHER}/story.yml", "  uses:", "  usse:"),
        f"{ESTHER}/story.yml",
        "did you mean 'uses'?",
        field="consent.usse",
        line=12,
    ),
    Case(
        "wrong-consent-use",
        edit(f"{ESTHER}/story.yml", "uses: [web, print, social]", "uses: [web, print, facebook]"),
        f"{ESTHER}/story.yml",
        "write web, print, social or email",
        field="consent.uses[2]",
        line=12,
    ),
    Case(
        "very-long-title",
        edit(f"{ESTHER}/nl.md", 'title: "“In het', f'title: "{LONG_TITLE}“In het'),
        f"{ESTHER}/nl.md",
        "shorten it to at most 160 characters",
        field="title",
        line=2,
    ),
    Case(
        "raw-script",
        edit(f"{ESTHER}/nl.md", "\n## ", "\n<script>alert('hi')</script>\n\n## "),
        f"{ESTHER}/nl.md",
        "raw HTML <script> is not allowed",
    ),
    Case(
        "todo-in-a-published-title",
        edit(f"{ESTHER}/fr.md", "title: ", "title: TODO "),
        f"{ESTHER}/fr.md",
        "still to fill in",
        field="title",
        line=2,
    ),
    # -- references ---------------------------------------------------------------------------
    Case(
        "unknown-testimony",
        edit("editions/118/edition.yml", "story: esther", "story: esthr"),
        "editions/118/edition.yml",
        "did you mean 'esther'?",
        field="articles[4]",
    ),
    Case(
        "unknown-report",
        edit("editions/118/edition.yml", "report: detention-2024", "report: detention-2023"),
        "editions/118/edition.yml",
        "there is no report 'detention-2023'",
        field="articles[3]",
    ),
    Case(
        "unknown-author",
        edit("editions/118/editorial/article.yml", "marie-claes", "marie-clas"),
        "editions/118/editorial/article.yml",
        "did you mean 'marie-claes'?",
        field="byline",
    ),
    Case(
        "unknown-photographer",
        edit(
            f"{ESTHER}/story.yml",
            "{credit: lotte-peeters, focus: [0.6",
            "{credit: lotte, focus: [0.6",
        ),
        f"{ESTHER}/story.yml",
        "there is no author 'lotte'",
        field="photos.portrait.jpg.credit",
    ),
    Case(
        "same-article-twice",
        edit("editions/118/edition.yml", "  - agenda\n", "  - agenda\n  - editorial\n"),
        "editions/118/edition.yml",
        "'editorial' is listed twice in this edition",
        field="articles[6]",
    ),
    Case(
        "article-entry-of-the-wrong-shape",
        edit("editions/118/edition.yml", "story: esther", "stroy: esther"),
        "editions/118/edition.yml",
        "write an article folder name, 'story: <slug>' or 'report: <slug>'",
        field="articles[4]",
        line=9,
    ),
    Case(
        "article-folder-outside-the-edition",
        edit("editions/118/edition.yml", "  - agenda", "  - ../../stories/esther"),
        "editions/118/edition.yml",
        "cannot be used as a name here",
        field="articles[5]",
        line=10,
    ),
    # -- a report's full PDF ------------------------------------------------------------------
    Case(
        "report-pdf-that-is-no-pdf",
        write(f"{REPORT}/fr.pdf", b"PK\x03\x04 a Word document renamed .pdf"),
        f"{REPORT}/fr.pdf",
        "'fr.pdf' is not a PDF file",
    ),
    Case(
        "report-pdf-cut-short",
        write(f"{REPORT}/nl.pdf", b"%PDF-1.7\n1 0 obj"),
        f"{REPORT}/nl.pdf",
        "export the full report again as PDF",
    ),
    Case(
        "report-pdf-not-in-the-default-language",  # the Dutch pages would link none
        remove(f"{REPORT}/nl.pdf"),
        REPORT,
        "add nl.pdf, or write its address in report.yml",
    ),
    Case(
        "report-pdf-not-translated-yet",  # the French pages link the Dutch one meanwhile
        remove(f"{REPORT}/fr.pdf"),
        REPORT,
        "until then the fr pages link nl.pdf",
        exit_code=0,
        severity="warning",
    ),
    Case(
        "report-pdf-named-otherwise",
        write(f"{REPORT}/Rapport 2024 definitief.pdf", b"%PDF-1.4\n%%EOF\n"),
        f"{REPORT}/Rapport 2024 definitief.pdf",
        "a full report is named nl.pdf or fr.pdf",
        exit_code=0,
        severity="warning",
    ),
    Case(
        "report-pdf-and-an-address",
        edit(
            f"{REPORT}/report.yml",
            "figures:",
            "full_report: {nl: https://example.org/r.pdf}\nfigures:",
        ),
        f"{REPORT}/report.yml",
        "nl.pdf in the folder is published and linked instead",
        exit_code=0,
        severity="warning",
        field="full_report.nl",
    ),
    # -- translations -------------------------------------------------------------------------
    Case(
        "missing-translation",
        remove(f"{ESTHER}/fr.md"),
        ESTHER,
        "not translated into French yet: fr.md is missing",
        exit_code=0,
        severity="warning",
    ),
    Case(
        "missing-page-translation",
        remove("docs/fr/about.md"),
        "docs/nl/about.md",
        "not translated into French yet: docs/fr/about.md is missing",
        exit_code=0,
        severity="warning",
    ),
    # -- photos -------------------------------------------------------------------------------
    Case(
        "missing-photo",
        remove(f"{ESTHER}/portrait.jpg"),
        f"{ESTHER}/story.yml",
        "the photo 'portrait.jpg' does not exist",
        field="portrait",
    ),
    Case(
        "corrupt-photo",
        write(f"{ESTHER}/portrait.jpg", cut_jpeg),
        f"{ESTHER}/story.yml",
        "export it again from the phone or camera",
        field="portrait",
    ),
    Case(
        "zero-byte-photo",
        write(f"{ESTHER}/fence.jpg", b""),
        f"{ESTHER}/nl.md",
        "'fence.jpg': the photo is empty (0 bytes)",
        line=45,
    ),
    Case(
        "text-saved-as-jpg",
        write(f"{ESTHER}/fence.jpg", b"Hi, the photo is attached. Kind regards, Lotte\n" * 30),
        f"{ESTHER}/fr.md",
        "this file is not a photo (it looks like text)",
        line=46,
    ),
    Case(
        "decompression-bomb",
        write(f"{ESTHER}/portrait.jpg", lambda: png_claiming(20000, 20000)),
        f"{ESTHER}/story.yml",
        "the photo is too large (over 100 megapixels)",
        field="portrait",
    ),
    Case(
        "photo-path-leaves-the-folder",
        edit(f"{ESTHER}/nl.md", "](fence.jpg", "](../farid-mariam/kitchen.jpg"),
        f"{ESTHER}/nl.md",
        "the photo '../farid-mariam/kitchen.jpg' is outside this item's folder",
        line=45,
    ),
    Case(
        "photo-symlink-leaves-the-project",
        symlink_outside(f"{ESTHER}/portrait.jpg"),
        f"{ESTHER}/story.yml",
        "the photo 'portrait.jpg' is outside this item's folder",
        field="portrait",
    ),
    Case(
        "photo-without-credit",
        edit(
            f"{ESTHER}/story.yml", "  fence.jpg: {credit: lotte-peeters, focus: [0.5, 0.45]}\n", ""
        ),
        f"{ESTHER}/story.yml",
        "the photo 'fence.jpg' has no entry under 'photos:' (who took it?)",
        field="photos",
    ),
    Case(
        "photo-without-alt-text",
        edit(
            f"{ESTHER}/fr.md",
            "![Haute clôture dessinée, surmontée de barbelés, devant un "
            "bâtiment gris et bas, sous un ciel bleu nuageux](",
            "![](",
        ),
        f"{ESTHER}/fr.md",
        "the photo 'fence.jpg' has no alt text",
        line=46,
    ),
    # -- names and addresses ------------------------------------------------------------------
    Case(
        "accents-in-a-folder-name",
        folder_copy(ESTHER, "stories/élodie"),
        "stories/élodie",
        "e.g. 'elodie'",
    ),
    Case(
        "folder-names-that-fold-together",
        folder_copy(ESTHER, "stories/Esther"),
        "stories/Esther",
        "'esther' is already taken, so choose another",
    ),
    Case(
        "author-id-with-capitals",
        edit("data/authors.yml", "id: marie-claes", "id: Marie Claes"),
        "data/authors.yml",
        "e.g. 'marie-claes'",
        field="[0].id",
    ),
    Case(
        "author-id-twice",
        edit("data/authors.yml", "id: nadia-benali", "id: marie-claes"),
        "data/authors.yml",
        "the author id 'marie-claes' is used twice",
        field="[1].id",
        line=6,
    ),
    Case(
        "theme-id-with-accents",
        edit("data/themes.yml", "education:", "éducation:"),
        "data/themes.yml",
        "e.g. 'education'",
        field="éducation",
    ),
    Case(
        "page-at-the-address-of-a-story",
        write("docs/nl/stories/esther.md", b"---\ntitle: Esther\n---\nOver Esther.\n"),
        "docs/nl/stories/esther.md",
        "this page and stories/esther would both be written to the address /stories/esther/",
    ),
    # -- consent ------------------------------------------------------------------------------
    Case(
        "missing-consent",
        edit(
            f"{ESTHER}/story.yml",
            "consent:\n  given_by: Esther\n  date: 2025-08-29\n  uses: [web, print, social]\n",
            "",
        ),
        f"{ESTHER}/story.yml",
        "add a line 'consent: ...'",
        field="consent",
    ),
    # -- limits: what used to crash the build or print a thousand pages -------------------
    Case(
        "quote-nested-2000-deep",
        prepend_body("stories/farid-mariam/nl.md", DEEP_QUOTE),
        "stories/farid-mariam/nl.md",
        "quotes or lists are nested 2000 levels deep",
        line=12,
    ),
    Case(
        "list-nested-600-deep",
        prepend_body(f"{ESTHER}/fr.md", DEEP_LIST),
        f"{ESTHER}/fr.md",
        "quotes or lists are nested 600 levels deep",
        line=32,  # the 21st level: the body starts on line 12
    ),
    Case(
        "2000-stars-in-a-row",
        prepend_body(f"{ESTHER}/fr.md", "*" * 2000 + "x" + "*" * 2000),
        f"{ESTHER}/fr.md",
        "2,000 '*' or '_' signs in a row (at most 200)",
        line=12,
    ),
    Case(
        "yaml-nested-3000-deep",
        edit(f"{ESTHER}/story.yml", "themes: [detention, health]", "themes: " + "[" * 3000),
        f"{ESTHER}/story.yml",
        "the YAML nests lists or groups of fields too deep",
    ),
    Case(
        "front-matter-nested-3000-deep",
        edit(f"{ESTHER}/fr.md", "\n---\n", "\nx: " + "{a: " * 3000 + "\n---\n"),
        f"{ESTHER}/fr.md",
        "the YAML nests lists or groups of fields too deep",
    ),
    Case(
        "a-4.8-mb-text",
        prepend_body(f"{ESTHER}/nl.md", pasted_text),
        f"{ESTHER}/nl.md",
        "in print, about 961 pages",
        exit_code=0,
        line=13,
        severity="warning",
    ),
    Case(
        "an-edition-of-a-thousand-pages",
        prepend_body(f"{ESTHER}/nl.md", pasted_text),
        "editions/118/edition.yml",
        "in Dutch, this edition would print about 971 pages (more than 32)",
        exit_code=0,
        severity="warning",
    ),
    # -- who tells the story: `person:` for one, `people:` for a family --------------------
    Case(
        "a-family-is-fine",
        edit(f"{ESTHER}/story.yml", ESTHER_PERSON, FAMILY),
        f"{ESTHER}/story.yml",
        "",
        exit_code=0,
    ),
    Case(
        "both-person-and-people",
        edit(f"{ESTHER}/story.yml", ESTHER_PERSON, ESTHER_PERSON + FAMILY),
        f"{ESTHER}/story.yml",
        "keep 'person:' for one person, or 'people:' for a family",
        field="people",
        line=4,
    ),
    Case(
        "neither-person-nor-people",
        edit(f"{ESTHER}/story.yml", ESTHER_PERSON, ""),
        f"{ESTHER}/story.yml",
        "add a line 'person: ...' (who tells the story when it is one person",
        field="person",
    ),
    Case(
        "people-an-empty-list",
        edit(f"{ESTHER}/story.yml", ESTHER_PERSON, "people: []\n"),
        f"{ESTHER}/story.yml",
        "this list is empty",
        field="people",
        line=1,
    ),
    Case(
        "people-a-name-missing",
        edit(f"{ESTHER}/story.yml", ESTHER_PERSON, FAMILY.replace("name: Grace, ", "")),
        f"{ESTHER}/story.yml",
        "add a line 'name: ...'",
        field="people[1].name",
        line=3,
    ),
    Case(
        "withdrawn-consent-of-a-printed-story",
        edit(
            f"{ESTHER}/story.yml",
            "  uses: [web, print, social]",
            "  uses: [web, print, social]\n  withdrawn: 2026-01-10",
        ),
        "editions/118/edition.yml",
        "the story 'esther' cannot be published in web: its consent does not cover 'web'",
        field="articles[4]",
    ),
    Case(
        "story-in-an-edition-without-print-consent",
        edit(f"{ESTHER}/story.yml", "uses: [web, print, social]", "uses: [web]"),
        "editions/118/edition.yml",
        "its consent does not cover 'print'",
        field="articles[4]",
    ),
    Case(
        "draft-story-in-a-published-edition",
        edit(f"{ESTHER}/story.yml", "draft: false", "draft: true"),
        "editions/118/edition.yml",
        "the story 'esther' cannot be published in web: it is a draft",
        field="articles[4]",
    ),
    Case(
        "errors-in-a-draft-never-block",
        both(
            edit("stories/tesfay/story.yml", "country:", "land:"),
            edit("stories/tesfay/nl.md", "title:", "titel:"),
        ),
        "stories/tesfay/story.yml",
        "unknown field 'land' (draft, not published)",
        exit_code=0,
        severity="warning",
    ),
    Case(
        "story-field-in-the-front-matter",
        edit(f"{ESTHER}/nl.md", "---\ntitle:", "---\ndraft: false\ntitle:"),
        f"{ESTHER}/nl.md",
        "'draft' belongs in story.yml: move the line there",
        field="draft",
        line=2,
    ),
    Case(
        "text-field-in-story-yml",
        edit(f"{ESTHER}/story.yml", "country: CD\n", "country: CD\nlead: Esther vertelt.\n"),
        f"{ESTHER}/story.yml",
        "'lead' belongs in nl.md and fr.md (one text per language): move the line there",
        field="lead",
    ),
]
#: Each case by its name, for the tests that take some of them through a build or serve.
BY_NAME = {case.name: case for case in CASES}

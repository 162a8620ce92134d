"""The corpus of broken content: each case is one small mistake in a copy of the fixture
content (tests/fixtures/content/data: complete and valid, and never the guide's own data/).

A case names the edit, the file and line the error must point at, and a fragment of the message
(or of its fix). Lines are counted from where the edit lands, so the corpus keeps working when
the real text around it is reworded. Anchors are ids and keys, which authors keep.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

FIXTURE_DATA = Path(__file__).resolve().parents[1] / "fixtures" / "content" / "data"
HOW_LONG = "  - id: how-long\n    question: "  # an item of the fixture's faq.yml
SCHEMA_LINE = "# yaml-language-server: $schema=../schemas/{stem}.schema.json\n"


@dataclass(frozen=True)
class Replace:
    """Replace the first ``find`` in ``file``; lines count from the line the edit starts on."""

    file: str
    find: str
    replace: str

    def apply(self, data: Path) -> int:
        path = data / self.file
        text = path.read_text(encoding="utf-8")
        at = text.index(self.find)
        path.write_text(text.replace(self.find, self.replace, 1), encoding="utf-8")
        return text[:at].count("\n") + 1


@dataclass(frozen=True)
class Write:
    """Overwrite ``file`` with ``content``; lines count from line 1."""

    file: str
    content: bytes

    def apply(self, data: Path) -> int:
        (data / self.file).write_bytes(self.content)
        return 1


@dataclass(frozen=True)
class Rename:
    file: str
    to: str

    def apply(self, data: Path) -> int:
        (data / self.file).rename(data / self.to)
        return 1


@dataclass(frozen=True)
class Delete:
    file: str

    def apply(self, data: Path) -> int:
        (data / self.file).unlink()
        return 1


@dataclass(frozen=True)
class Case:
    name: str
    edit: Replace | Write | Rename | Delete
    fragment: str  # in the message or its fix
    offset: int = 0  # expected line = the edit's first line + offset
    file: str = ""  # the file the error names, when not the edited one
    column: int | None = None
    count: int = 1  # problems in the whole report

    @property
    def expected_file(self) -> str:
        return f"data/{self.file or self.edit.file}"


def faq(replace_after: str, fragment: str, offset: int = 1, **kw) -> Case:
    """A mistake in the question of the 'how-long' FAQ item (one line below the id)."""
    return Case(kw.pop("name"), Replace("faq.yml", HOW_LONG, replace_after), fragment, offset, **kw)


CASES = [
    # YAML that cannot be read at all
    faq(
        "  - id: how-long\n\tquestion: ",
        "a tab is used for indentation; YAML needs spaces",
        name="tab-indentation",
        column=1,
    ),
    faq(
        HOW_LONG + '"',
        "this quote is never closed",
        name="unclosed-quote",
        column=15,
    ),
    faq(  # the next ' is an apostrophe ten lines down: YAML reads on to it and fails there
        HOW_LONG + "'",
        "this quote is never closed (YAML reads on to the next ' it finds, on line",
        name="unclosed-quote-closed-by-a-later-apostrophe",
        column=15,
    ),
    Case(
        "apostrophe-inside-single-quotes",
        Replace(
            "faq.yml", "question: How long should", "question: 'Isn't it long?' How long should"
        ),
        "an apostrophe inside '…' ends the text early",
        column=19,
    ),
    Case(
        "quotation-mark-inside-double-quotes",
        Replace("faq.yml", "question: How long should", 'question: "How "long" should'),
        'a quotation mark inside "…" ends the text early',
        column=20,
    ),
    Case(
        "backslash-inside-double-quotes",
        Replace("faq.yml", "question: How long should", 'question: "How long\\should"'),
        "a backslash (\\) starts a special character",
        column=24,
    ),
    faq(
        "  - id: how-long\n      question: ",
        "a colon appears where YAML does not expect one",
        name="key-indented-too-far",
    ),
    Case(  # a '>-' text's line indented less: YAML ends the text and reads a key without colon
        "text-line-indented-less-than-its-text",
        Replace("faq.yml", "      interested, name one", "    interested, name one"),
        "this line reads as more of the text above it, but it is indented less",
        column=5,
    ),
    Case(
        "list-item-out-of-line",
        Replace("faq.yml", "  - id: how-long\n", "   - id: how-long\n"),
        "the indentation of this line does not match its neighbours",
    ),
    Case(
        "missing-colon-after-key",
        Replace("checklist.yml", "\nmatters_more:", "\nmatters_more"),
        "not valid YAML",
        offset=1,
    ),
    faq(HOW_LONG + "Short answer: ", "put the whole text in quotes", name="colon-in-plain-text"),
    faq(
        HOW_LONG + "**Really** ",
        "the text starts with '*', which YAML reads as markup",
        name="bold-at-the-start-unquoted",
        column=15,
    ),
    faq(
        HOW_LONG + "[NRMP](https://www.nrmp.org/) ",
        "the text starts with '[', which YAML reads as markup",
        name="link-at-the-start-unquoted",
    ),
    faq(
        HOW_LONG + "Is it ok to call room #3? ",
        "the text stops before '#3?': in YAML, a space and '#' start a comment",
        name="hash-cuts-plain-text",
        column=37,
    ),
    faq(
        "  - id: how-long\n    id: how-long-call\n    question: ",
        "the key 'id' appears twice in the same item (first on line",
        name="duplicate-key",
    ),
    Case("empty-file", Write("faq.yml", b""), "the file is empty"),
    Case(
        "only-comments",
        Write("faq.yml", SCHEMA_LINE.format(stem="faq").encode() + b"# nothing left\n"),
        "the file is empty",
    ),
    Case(
        "not-utf8",
        Write("faq.yml", b"# x\nquestions:\n  - id: caf\xe9\n"),
        "the file is not saved as UTF-8 text",
        offset=2,
    ),
    faq(
        HOW_LONG + "Pasted\x0btext ",
        "the file contains an invisible control character (U+000B)",
        name="control-character",
        column=21,
    ),
    Case(
        "second-document",
        Replace("tone.yml", "\ngood:", "\n---\ngood:"),
        "a line with '---' starts a second document",
        offset=1,
    ),
    faq(HOW_LONG + "!important ", "a value starts with '!'", name="tag-at-the-start"),
    # Keys
    faq(
        "  - id: how-long\n    qestion: ",
        "unknown key 'qestion' — did you mean 'question'?",
        name="misspelt-key",
        column=5,
    ),
    faq(
        "  - id: how-long\n    colour: blue\n    question: ",
        "unknown key 'colour'; expected one of: id, question, answer",
        name="unknown-key",
    ),
    faq(
        "  - id: how-long\n    # question: ",
        "missing key 'question': each item of this list needs one",
        offset=0,
        name="missing-key",
        column=5,
    ),
    Case(
        "missing-top-level-key",
        Replace("checklist.yml", "\ntitle:", "\n# title:"),
        "missing key 'title': the file needs one",
        offset=2,
    ),
    # Text
    faq("  - id: how-long\n    question:  # ", "expected text, found nothing", name="empty-text"),
    faq(HOW_LONG + '""  # ', "expected text, found nothing", name="empty-quoted-text"),
    faq(HOW_LONG + '"   "  # ', "expected text, found only spaces", name="whitespace-text"),
    faq(
        "  - id: how-long\n    question:\n      - one\n      - two\n    # ",
        "expected text, found a list",
        offset=2,
        name="list-instead-of-text",
    ),
    faq(HOW_LONG + "42  # ", "expected text, found the number 42", name="number-instead-of-text"),
    faq(HOW_LONG + "No  # ", "found the yes/no value 'false'", name="yes-no-instead-of-text"),
    Case(
        "empty-list",
        Write("faq.yml", SCHEMA_LINE.format(stem="faq").encode() + b"questions: []\n"),
        "expected at least one item, found an empty list",
        offset=1,
    ),
    Case(
        "text-instead-of-file",
        Write("tone.yml", b"Keep it grateful, brief and specific.\n"),
        "expected a group of 'key: value' lines, found 'Keep it grateful",
    ),
    # Ids
    Case(
        "id-with-capitals",
        Replace("faq.yml", "  - id: how-long", "  - id: How-Long"),
        "expected an id made of lowercase letters, digits and single hyphens, found 'How-Long'",
        column=9,
    ),
    Case(
        "id-with-spaces",
        Replace("faq.yml", "  - id: how-long", "  - id: how long"),
        "found 'how long'",
    ),
    Case(
        "id-with-underscore",
        Replace("faq.yml", "  - id: how-long", "  - id: how_long"),
        "found 'how_long'",
    ),
    Case(
        "duplicate-id-in-a-file",
        Replace("faq.yml", "  - id: how-long", "  - id: call-or-email"),
        "the id 'call-or-email' is already used at data/faq.yml:",
    ),
    Case(
        "duplicate-id-across-files",
        Replace("faq.yml", "  - id: how-long", "  - id: respond-fast"),
        "the id 'respond-fast' is already used at data/checklist.yml:",
    ),
    # Allowed values
    Case(
        "unknown-audience",
        Replace("scripts.yml", "    audience: program_director\n", "    audience: pd\n"),
        "expected one of program_director, coordinator, any, found 'pd'",
    ),
    Case(
        "unknown-channel",
        Replace("scripts.yml", "    channel: call\n", "    channel: phone\n"),
        "expected one of call, voicemail, email, found 'phone'",
    ),
    Case(
        "tailoring-audience-any",
        Replace(
            "scripts.yml",
            "    audience: coordinator\n    advice:",
            "    audience: any\n    advice:",
        ),
        "expected one of program_director, coordinator, found 'any'",
    ),
    Case(
        "link-address-not-https",
        Replace("rules.yml", "    url: https://", "    url: javascript:alert(1)//"),
        "expected a web address starting with https://",
    ),
    Case(
        "link-address-over-http",
        Replace("rules.yml", "    url: https://", "    url: http://"),
        "expected a web address starting with https://, like https://www.nrmp.org/; found 'http:",
    ),
    Case(
        "outcome-id-without-its-prefix",
        Replace("flow.yml", "outcome: o-phase-unsure", "outcome: phase-unsure"),
        "expected an outcome id: o- and then lowercase letters, digits and single hyphens, like "
        "o-call-director; found 'phase-unsure'",
    ),
    # Scripts
    Case(
        "undeclared-placeholder",
        Replace("scripts.yml", "{applicant_name}", "{applicant_nam}"),
        "the placeholder '{applicant_nam}' is not listed under 'placeholders:'",
    ),
    Case(
        "misspelt-placeholder-suggestion",
        Replace("scripts.yml", "{applicant_name}", "{aplicant_name}"),
        "did you mean '{applicant_name}'?",
    ),
    Case(
        "placeholder-with-capitals-and-space",
        Replace("scripts.yml", "{applicant_name}", "{Applicant Name}"),
        "'{Applicant Name}' is not a valid placeholder",
    ),
    Case(
        "placeholder-with-capitals-suggestion",
        Replace("scripts.yml", "{applicant_name}", "{Applicant Name}"),
        "did you mean '{applicant_name}'?",
    ),
    Case(
        "unclosed-placeholder",
        Replace("scripts.yml", "{applicant_name}", "{applicant_name"),
        "a '{' without its partner",
    ),
    Case(
        "jinja-in-script-line",
        Replace("scripts.yml", "{applicant_name}", "{{ 7*7 }}"),
        "is not a valid placeholder",
    ),
    Case(
        "placeholder-listed-twice",
        Replace("scripts.yml", "  - name: update\n", "  - name: program_name\n"),
        "the placeholder 'program_name' is listed twice",
        # and the line that uses {update}, and the builder's settings for it (data/builder.yml),
        # now name an unlisted blank
        count=3,
    ),
    Case(
        "unknown-step",
        Replace("scripts.yml", "      - step: thank-them\n", "      - step: thank-you\n"),
        "unknown step 'thank-you'; expected one of the structure ids",
    ),
    # Text policy
    faq(
        HOW_LONG + "<script>alert(1)</script> ",
        "HTML is not allowed in content (found '<script>')",
        name="script-tag",
    ),
    Case(
        "img-onerror",
        Replace("checklist.yml", "\ntitle: ", "\ntitle: <img src=x onerror=alert(1)> "),
        "HTML is not allowed in content (found '<img src=x onerror=alert(1)>')",
        offset=1,
    ),
    faq(
        HOW_LONG + "'\"><svg onload=alert(1)>'  # ",
        "HTML is not allowed",
        name="svg-attribute-escape",
    ),
    faq(HOW_LONG + "Is <b>bold</b> fine? ", "write Markdown: **bold**", name="bold-tag"),
    faq(
        "  - id: how-long\n    question: >-\n      A long question,\n"
        "      then a <br> in it.\n    # ",
        "HTML is not allowed in content (found '<br>')",
        offset=3,  # the line of the tag inside the long text, not the 'question:' line
        column=14,
        name="tag-inside-a-long-text",
    ),
    faq(
        "  - id: how-long\n    question: >-\n      A long question,\n"
        "      with [a link](javascript:alert(1)).\n    # ",
        "a 'javascript:' link is not allowed",
        offset=3,
        column=21,
        name="link-inside-a-long-text",
    ),
    faq(
        HOW_LONG + "'[x](javascript:alert(1))'  # ",
        "a 'javascript:' link is not allowed",
        name="javascript-link",
    ),
    faq(
        HOW_LONG + "'[x](JaVa&#115;cript:alert(1))'  # ",
        "a 'javascript:' link is not allowed",
        name="encoded-javascript-link",
    ),
    faq(
        HOW_LONG + "See [x](data:text/html,hi) ", "a 'data:' link is not allowed", name="data-link"
    ),
    faq(
        HOW_LONG + "See [the rule](rules.md) ",
        "the link to 'rules.md' would be broken",
        name="link-to-a-page-by-file-name",
    ),
    faq(
        HOW_LONG + "See ![x](https://example.org/x.png) ",
        "images are not supported in content",
        name="image",
    ),
    # Data files
    Case(
        "unknown-data-file",
        Write("notes.yml", b"note: hello\n"),
        "unknown data file 'notes.yml'; expected one of: bottom_line.yml",
    ),
    Case(
        "misspelt-data-file",
        Rename("faq.yml", "faqs.yml"),
        "did you mean faq.yml?",
        file="faqs.yml",
        count=2,  # and data/faq.yml is missing
    ),
    Case("missing-data-file", Delete("tone.yml"), "the data file is missing"),
    Case(
        "yaml-extension",
        Rename("tone.yml", "tone.yaml"),
        "data files end in .yml",
        file="tone.yaml",
    ),
    # Dates and years
    Case(
        "impossible-date",
        Replace("meta.yml", "\nreviewed_on: ", "\nreviewed_on: '2026-02-30'  # "),
        "expected a date written as YYYY-MM-DD, found '2026-02-30'",
        offset=1,
    ),
    Case(
        "date-in-another-format",
        Replace("meta.yml", "\nreviewed_on: ", "\nreviewed_on: '25/11/2026'  # "),
        "found '25/11/2026'",
        offset=1,
    ),
    Case(
        "stale-date-before-review",
        Replace("meta.yml", "\ncheck_rules_after: ", "\ncheck_rules_after: 2020-01-01  # "),
        "expected a date after reviewed_on",
        offset=1,
    ),
    Case(
        "year-in-quotes",
        Replace("meta.yml", "\nmatch_year: ", "\nmatch_year: '2027'  # "),
        "expected a whole number, found '2027'",
        offset=1,
    ),
    Case(
        "agreement-after-match-year",
        Replace("rules.yml", "\nagreement_year: ", "\nagreement_year: 2099  # "),
        "expected the agreement year to be no later than match_year",
        offset=1,
    ),
]


def how_long_path(data: Path) -> str:
    """Where the 'how-long' FAQ item is, as errors name it: ``questions[N]``."""
    questions = yaml.safe_load((data / "faq.yml").read_text("utf-8"))["questions"]
    return f"questions[{next(i for i, q in enumerate(questions) if q['id'] == 'how-long')}]"


def data_copy(destination: Path) -> Path:
    """A copy of the fixture content's data/ as ``destination/data``."""
    return Path(shutil.copytree(FIXTURE_DATA, destination / "data"))


def broken_copy(case: Case, destination: Path) -> tuple[Path, int]:
    """A copy of the fixture content in ``destination/data`` with the case's mistake; and the
    line the error must name."""
    data = data_copy(destination)
    return data, case.edit.apply(data) + case.offset

"""The corpus of office mistakes: each case is one small change to a copy of examples/office (an
office's folder), and the error it must give: the file, the line (found by a fragment of the
changed file, so the corpus survives rewording), and words of the message or its fix.

References into data/ are found from the data (the first id the flow links to, the first
script an outcome shows), never written out, so the corpus keeps working as the guide changes.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from tests.scenario import REPO

SVG = "http://www.w3.org/2000/svg"


def _flow() -> dict:
    return yaml.safe_load((REPO / "data" / "flow.yml").read_text("utf-8"))


def _ids_in(name: str) -> set[str]:
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            if "id" in value:
                found.add(str(value["id"]))
            for child in value.values():
                walk(child)
        elif isinstance(value, list):
            for child in value:
                walk(child)

    walk(yaml.safe_load((REPO / "data" / f"{name}.yml").read_text("utf-8")))
    return found


def _touched_by_the_example() -> set[str]:
    """The ids examples/office already replaces, removes or adds next to: a case that removes
    one of them would report that clash instead of its own mistake."""
    office = yaml.safe_load((REPO / "examples" / "office" / "office.yml").read_text("utf-8"))
    touched = {entry["id"] for entry in office.get("replace") or []}
    touched |= set(office.get("remove") or [])
    for entry in office.get("add") or []:
        touched |= {entry.get("after"), entry.get("before")} - {None}
    return touched


def first_see_link() -> str:
    """An item the flow links to with see: (removing it leaves a reference behind), outside
    data/rules.yml (which an office may not change at all) and untouched by the example."""
    kept = _ids_in("rules") | _touched_by_the_example()
    return next(
        item for outcome in _flow()["outcomes"] for item in outcome["see"] if item not in kept
    )


def first_outcome_script() -> str:
    return next(script for outcome in _flow()["outcomes"] for script in outcome["scripts"])


def _replace(find: str, replace: str, file: str = "office.yml") -> Callable[[Path], None]:
    def edit(office: Path) -> None:
        path = office / file
        text = path.read_text("utf-8")
        assert find in text, f"{find!r} not in {path}"
        path.write_text(text.replace(find, replace, 1), "utf-8")

    return edit


def _write(file: str, content: str) -> Callable[[Path], None]:
    def edit(office: Path) -> None:
        (office / file).write_text(content, "utf-8")

    return edit


def _move(destination: str, keep_folder: bool = False) -> Callable[[Path], None]:
    """office/office.yml moved to ``destination`` (from the project's root); office/ itself
    goes unless ``keep_folder`` (a misplaced file is then all the office wrote)."""

    def edit(office: Path) -> None:
        target = office.parent / destination
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(office / "office.yml", target)
        if keep_folder:
            (office / "office.yml").unlink()
        else:
            shutil.rmtree(office)

    return edit


def _rename_folder(name: str) -> Callable[[Path], None]:
    def edit(office: Path) -> None:
        office.rename(office.parent / name)

    return edit


def _copy_to_the_top(office: Path) -> None:
    shutil.copyfile(office / "office.yml", office.parent / "office.yml")


def _page_renamed(name: str) -> Callable[[Path], None]:
    """The example's page saved (and listed) under another file name."""

    def edit(office: Path) -> None:
        (office / "pages" / "advising.md").rename(office / "pages" / name)
        _replace("  - file: advising.md", f"  - file: {name}")(office)

    return edit


def _guide_page_added(name: str) -> Callable[[Path], None]:
    """An upstream update that adds docs/``name`` to the guide."""

    def edit(office: Path) -> None:
        (office.parent / "docs" / name).write_text("# A new page of the guide\n", "utf-8")

    return edit


def _both(*edits: Callable[[Path], None]) -> Callable[[Path], None]:
    def edit(office: Path) -> None:
        for one in edits:
            one(office)

    return edit


# The first line of examples/office/office.yml: where a misplaced office.yml is reported.
FIRST_LINE = (REPO / "examples" / "office" / "office.yml").read_text("utf-8").splitlines()[0]


@dataclass(frozen=True)
class Case:
    name: str
    edit: Callable[[Path], None]
    at: str  # a fragment of the file the error names; the error is on its line
    says: tuple[str, ...]  # words the message or its fix must contain
    file: str = "office/office.yml"


CASES = [
    Case(
        "unknown-id-in-replace",
        _replace("- id: someone-calls-for-me", "- id: someone-calls-for-mee"),
        "- id: someone-calls-for-mee",
        ("unknown id 'someone-calls-for-mee'", "did you mean 'someone-calls-for-me'"),
    ),
    Case(
        "unknown-id-in-remove",
        _replace("  - anything-to-improve-my-chances", "  - anything-to-improve-my-chance"),
        "  - anything-to-improve-my-chance",
        ("unknown id 'anything-to-improve-my-chance'", "did you mean"),
    ),
    Case(
        "unknown-id-in-add-after",
        _replace("  - after: someone-calls-for-me", "  - after: someone-calls-for-mi"),
        "after: someone-calls-for-mi",
        ("unknown id 'someone-calls-for-mi'", "did you mean 'someone-calls-for-me'"),
    ),
    Case(
        "removed-item-still-linked-from-the-flow",
        _replace("remove:\n", f"remove:\n  - {first_see_link()}\n"),
        f"  - {first_see_link()}",
        (f"'{first_see_link()}' is removed here but still needed", "data/flow.yml:"),
    ),
    Case(
        "removed-script-still-shown-by-an-outcome",
        _replace("remove:\n", f"remove:\n  - {first_outcome_script()}\n"),
        f"  - {first_outcome_script()}",
        ("removed here but still needed", "data/flow.yml:"),
    ),
    Case(
        "hidden-page-still-has-a-note",
        _replace("hide:\n", "hide:\n  - checklist.md\n"),
        "  - at: checklist.md",
        ("the note is for checklist.md, which is hidden", "office/office.yml:"),
    ),
    Case(
        "hidden-page-still-linked-from-an-office-page",
        _replace(
            "Go through the [checklist](checklist.md)",
            "Go through the [myths](myths.md)",
            "pages/advising.md",
        ),
        "[myths](myths.md)",
        ("goes to myths.md, which office/office.yml:", "hides"),
        file="office/pages/advising.md",
    ),
    Case(
        "hidden-page-is-where-a-local-page-goes",
        _replace("    after: checklist.md", "    after: myths.md"),
        "    after: myths.md",
        ("'myths.md' is hidden",),
    ),
    Case(
        "unknown-page-to-hide",
        _replace("  - myths.md\n", "  - myth.md\n"),
        "  - myth.md",
        ("there is no page 'myth.md'", "did you mean 'myths.md'"),
    ),
    Case(
        "unknown-section-to-hide",
        _replace("what-to-say.md#program-director-or-coordinator", "what-to-say.md#tailoring"),
        "what-to-say.md#tailoring",
        ("has no heading '#tailoring'",),
    ),
    Case(
        "colour-without-contrast",
        _replace('brand_colour: "#7a1f2b"', 'brand_colour: "#f5c400"'),
        "brand_colour:",
        ("fails WCAG AA contrast", 'nearest colour that passes is "#'),
    ),
    Case(
        "colour-without-quotes",
        _replace('brand_colour: "#7a1f2b"', "brand_colour: #7a1f2b"),
        "brand_colour:",
        ("the text stops before '#7a1f2b'", "double quotes"),
    ),
    Case(
        "colour-not-a-colour",
        _replace('brand_colour: "#7a1f2b"', "brand_colour: maroon"),
        "brand_colour:",
        ("expected a colour written as # and 3 or 6 hex digits, like", "found 'maroon'"),
    ),
    Case(
        "colour-in-curly-quotes",
        _replace('brand_colour: "#7a1f2b"', "brand_colour: “#1d4e89”"),
        "brand_colour:",
        ("found '“#1d4e89”' in curly quotes", "with straight ones"),
    ),
    Case(
        "colour-with-a-space-inside-its-quotes",
        _replace('brand_colour: "#7a1f2b"', 'brand_colour: "#7a1f2b "'),
        "brand_colour:",
        ("found '#7a1f2b ' with a space at its start or end", "delete the space"),
    ),
    Case(
        "logo-of-a-kind-the-site-cannot-show",
        _replace("logo: logo.svg", "logo: logo.gif"),
        "logo: logo.gif",
        ("expected the name of a picture file in office/ ending in .svg, .png",),
    ),
    Case(
        "email-that-is-no-address",
        _replace("email: soap-help@riverside.example.edu", "email: soap-help at riverside"),
        "email: soap-help at riverside",
        ("expected one email address, like soap-help@riverside.example.edu;",),
    ),
    Case(
        "email-with-mailto-in-front",
        _replace(
            "email: soap-help@riverside.example.edu",
            "email: mailto:soap-help@riverside.example.edu",
        ),
        "email: mailto:",
        (
            "found 'mailto:soap-help@riverside.example.edu'",
            "Write the address alone, without mailto:",
        ),
    ),
    Case(
        "email-ending-with-a-dot",
        _replace(
            "email: soap-help@riverside.example.edu", "email: soap-help@riverside.example.edu."
        ),
        "email: soap-help@riverside.example.edu.",
        ("an address that does not end with a dot", "Delete the dot at the end"),
    ),
    Case(
        "phone-without-a-number",
        _replace('phone: "+1 555 010 0199"', "phone: call the front desk"),
        "phone: call the front desk",
        ("contacts.phone: expected a phone number", "found 'call the front desk'", "hours:"),
    ),
    Case(
        "booking-over-http",
        _replace("booking: https://", "booking: http://"),
        "booking: http://",
        ("expected a web address starting with https://, like",),
    ),
    Case(
        "resource-over-http",
        _replace(
            "url: https://riverside.example.edu/wellbeing",
            "url: http://riverside.example.edu/wellbeing",
        ),
        "url: http://riverside.example.edu/wellbeing",
        ("resources[2].url: expected a web address starting with https://",),
    ),
    Case(
        "item-id-given-to-hide",
        _replace("hide:\n", "hide:\n  - how-long\n"),
        "  - how-long",
        ("hide[0]: expected a page like myths.md", "to remove one item, list its id under remove:"),
    ),
    Case(
        "page-file-name-with-capitals",
        _replace("  - file: advising.md", "  - file: Advising.md"),
        "  - file: Advising.md",
        ("expected a file name of lowercase letters, digits and hyphens ending in .md",),
    ),
    Case(
        "missing-logo-file",
        _replace("logo: logo.svg", "logo: logo.png"),
        "logo: logo.png",
        ("the logo file 'logo.png' is not in office/", "did you mean 'logo.svg'"),
    ),
    Case(
        "logo-with-script",
        _replace("</svg>", "<script>alert(1)</script></svg>", "logo.svg"),
        "<script>",
        ("the logo contains a <script> element", "save the logo again as plain SVG"),
        file="office/logo.svg",
    ),
    Case(
        "logo-script-behind-a-namespace-prefix",
        _both(
            _replace(f'xmlns="{SVG}"', f'xmlns="{SVG}" xmlns:s="{SVG}"', "logo.svg"),
            _replace("</svg>", "<s:script>document.title='ran'</s:script></svg>", "logo.svg"),
        ),
        "<s:script>",
        ("the logo contains a <script> element", "or upload a PNG"),
        file="office/logo.svg",
    ),
    Case(
        "logo-link-with-an-entity-in-its-scheme",
        _replace(
            "</svg>", '<a href="java&#115;cript:alert(1)"><path d="M0 0h1"/></a></svg>', "logo.svg"
        ),
        "<a href=",
        ("the logo contains an <a> element",),
        file="office/logo.svg",
    ),
    Case(
        "logo-reuses-a-script-address-with-an-entity",
        _replace("</svg>", '<use href="java&#115;cript:alert(1)"/></svg>', "logo.svg"),
        "<use href=",
        ("a link to 'javascript:alert(1)' (href= on <use>)",),
        file="office/logo.svg",
    ),
    Case(
        "logo-image-from-an-address-without-slashes",
        _replace("</svg>", '<image href="https:evil.example/t.png"/></svg>', "logo.svg"),
        "<image href=",
        ("the logo contains an <image> element",),
        file="office/logo.svg",
    ),
    Case(
        "logo-animation-that-sets-an-event-handler",
        _replace("</svg>", '<set attributeName="onmouseover" to="alert(1)"/></svg>', "logo.svg"),
        "<set attributeName=",
        ("the logo contains a <set> element",),
        file="office/logo.svg",
    ),
    Case(
        "logo-image-with-an-svg-inside",
        _replace(
            "</svg>",
            '<image href="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+"/></svg>',
            "logo.svg",
        ),
        "<image href=",
        ("the logo contains an <image> element",),
        file="office/logo.svg",
    ),
    Case(
        "logo-with-an-entity-declaration",
        _replace("<svg ", '<!DOCTYPE svg [<!ENTITY lol "lol">]>\n<svg ', "logo.svg"),
        "<!DOCTYPE",
        ("the logo contains a <!DOCTYPE> with declarations (entities)",),
        file="office/logo.svg",
    ),
    Case(
        "logo-fill-loaded-from-another-site",
        _replace('fill="#ffffff"', 'fill="url(https://evil.example/p.svg#p)"', "logo.svg"),
        "url(https://evil.example",
        ("url(https://evil.example/p.svg#p) in the attribute fill= on <path>",),
        file="office/logo.svg",
    ),
    Case(
        "page-listed-but-absent",
        _replace("  - file: advising.md", "  - file: advice.md"),
        "  - file: advice.md",
        ("listed but there is no office/pages/advice.md", "did you mean 'advising.md'"),
    ),
    Case(
        "logo-named-but-not-uploaded",
        lambda office: (office / "logo.svg").unlink(),
        "logo: logo.svg",
        ("the logo file 'logo.svg' is not in office/", "delete the logo: line"),
    ),
    Case(
        "page-named-but-not-written",
        lambda office: shutil.rmtree(office / "pages"),
        "  - file: advising.md",
        ("no office/pages/advising.md", "delete this entry"),
    ),
    Case(
        "page-present-but-not-listed",
        _write("pages/extra.md", "# Extra\n"),
        "# Extra",
        ("not listed in office/office.yml", "- file: extra.md"),
        file="office/pages/extra.md",
    ),
    Case(
        "page-with-the-name-of-the-guide-s-faq",
        _page_renamed("faq.md"),
        "  - file: faq.md",
        (
            "office/pages/faq.md has the same name as the guide's page faq.md, so it would "
            "replace it",
            "rename the file (for example to riverside-faq.md) and its '- file: faq.md' entry",
        ),
    ),
    Case(
        "page-with-the-name-of-the-rule-page",
        _page_renamed("rules.md"),
        "  - file: rules.md",
        ("the guide's page rules.md (the NRMP contact rule's page), so it would replace it",),
    ),
    Case(
        "page-with-the-name-of-the-home-page",
        _page_renamed("index.md"),
        "  - file: index.md",
        ("the guide's page index.md (the home page), so it would replace it",),
    ),
    Case(
        "guide-update-adds-a-page-with-the-office-page-s-name",
        _guide_page_added("advising.md"),
        "  - file: advising.md",
        ("office/pages/advising.md has the same name as the guide's page advising.md",),
    ),
    Case(
        "guide-update-adds-a-page-named-but-for-capitals-as-the-office-s",
        _guide_page_added("Advising.md"),
        "  - file: advising.md",
        ("the same name as the guide's page Advising.md", "riverside-advising.md"),
    ),
    Case(
        "page-with-the-name-of-a-guide-folder-s-index",
        _both(_page_renamed("print.md"), _guide_page_added("print/index.md")),
        "  - file: print.md",
        ("the same name as the guide's page print/index.md, so it would replace it",),
    ),
    Case(
        "page-not-listed-with-a-name-that-cannot-be-listed",
        _write("pages/Talk to us.md", "# Talk to us\n"),
        "# Talk to us",
        ("not listed", "rename the file to talk-to-us.md", "then add '- file: talk-to-us.md'"),
        file="office/pages/Talk to us.md",
    ),
    Case(
        "page-not-listed-with-the-name-of-a-guide-page",
        _write("pages/faq.md", "# Our FAQ\n"),
        "# Our FAQ",
        ("not listed", "rename the file to riverside-faq.md", "- file: riverside-faq.md"),
        file="office/pages/faq.md",
    ),
    Case(
        "image-from-another-site-in-an-office-page",
        _replace(
            "## What we can do",
            "## What we can do\n\n![Our team](https://tracker.example/pixel.png)",
            "pages/advising.md",
        ),
        "![Our team]",
        ("images are not supported in your pages", "delete the '!' to make it a link"),
        file="office/pages/advising.md",
    ),
    Case(
        "image-by-reference-in-an-office-page",
        _replace(
            "## What we will not do",
            "![Our team][team]\n\n[team]: https://tracker.example/pixel.png\n\n"
            "## What we will not do",
            "pages/advising.md",
        ),
        "![Our team][team]",
        ("images are not supported in your pages",),
        file="office/pages/advising.md",
    ),
    Case(
        "image-by-its-reference-alone-in-an-office-page",
        _replace(
            "## What we will not do",
            "![Team]\n\n[team]: https://tracker.example/pixel.png\n\n## What we will not do",
            "pages/advising.md",
        ),
        "![Team]",
        ("images are not supported in your pages",),
        file="office/pages/advising.md",
    ),
    Case(
        "misspelt-page-link-in-an-office-page",
        _replace("[checklist](checklist.md)", "[checklist](checklst.md)", "pages/advising.md"),
        "[checklist](checklst.md)",
        ("goes to 'checklst.md', which is not a page", "did you mean 'checklist.md'"),
        file="office/pages/advising.md",
    ),
    Case(
        "html-in-an-office-page",
        _replace("## What we can do", "## What we <b>can</b> do", "pages/advising.md"),
        "<b>can</b>",
        ("HTML is not allowed in your pages",),
        file="office/pages/advising.md",
    ),
    Case(
        "attribute-list-with-an-event-handler",
        _replace(
            "# Talk to Riverside OSA",
            "# Talk to Riverside OSA { onmouseover=alert(1) }",
            "pages/advising.md",
        ),
        "{ onmouseover=alert(1) }",
        ("would add the attribute 'onmouseover'", "delete 'onmouseover=alert(1)'"),
        file="office/pages/advising.md",
    ),
    Case(
        "attribute-list-with-a-link-address",
        _replace(
            "[checklist](checklist.md)",
            '[checklist](checklist.md){ href="javascript:alert(document.cookie)" }',
            "pages/advising.md",
        ),
        "{ href=",
        ("would add the attribute 'href'",),
        file="office/pages/advising.md",
    ),
    Case(
        "template-code-beyond-a-macro-call",
        _replace("{{ office_resources() }}", "{{ data.meta }}", "pages/advising.md"),
        "{{ data.meta }}",
        ("is not a call of one of the guide's macros", "{{ office_resources() }}"),
        file="office/pages/advising.md",
    ),
    Case(
        "colon-in-a-page-description",
        _replace(
            "description: How", "description: Hours: 9 to 5, Room 3. How", "pages/advising.md"
        ),
        "description: Hours",
        ("description: not valid YAML", "put the whole text in quotes"),
        file="office/pages/advising.md",
    ),
    Case(
        "misspelt-front-matter-key",
        _replace("title: Talk", "titel: Talk", "pages/advising.md"),
        "titel: Talk",
        ("unknown key 'titel'", "did you mean 'title'"),
        file="office/pages/advising.md",
    ),
    Case(
        "unknown-key-with-did-you-mean",
        _replace('brand_colour: "#7a1f2b"', 'brand_color: "#7a1f2b"'),
        "brand_color:",
        ("unknown key 'brand_color'", "did you mean 'brand_colour'"),
    ),
    Case(
        "misspelt-field-in-a-replace-entry",
        _replace("    answer: >-\n      Not to start", "    anwser: >-\n      Not to start"),
        "    anwser:",
        ("unknown key 'anwser'", "did you mean 'answer'"),
    ),
    Case(
        "field-the-target-does-not-have",
        _replace(
            "replace:\n",
            "replace:\n  - id: set-up-voicemail\n    answer: Record a short greeting.\n",
        ),
        "    answer: Record a short greeting.",
        ("unknown key 'answer'", "id, text, why"),
    ),
    Case(
        "added-item-missing-a-field",
        _replace(
            "add:\n",
            "add:\n  - before: someone-calls-for-me\n    id: local-question\n"
            "    question: Who do I ask?\n",
        ),
        "  - before: someone-calls-for-me",
        ("missing key 'answer'",),
    ),
    Case(
        "added-id-already-used",
        _replace("    id: practise-with-an-advisor", "    id: how-long"),
        "    id: how-long",
        ("the id 'how-long' is already used in data/faq.yml",),
    ),
    Case(
        "add-without-a-place",
        _replace("  - after: someone-calls-for-me\n    id: practise", "  - id: practise"),
        "id: practise-with-an-advisor",
        ("say where to add 'practise-with-an-advisor'", "after: <id>"),
    ),
    Case(
        "flow-step-to-an-unknown-verdict",
        _replace("    to: [call]", "    to: [cal]"),
        "    to: [cal]",
        ("'cal' is neither a verdict", "did you mean 'call'"),
    ),
    Case(
        "the-rule-cannot-be-removed",
        _replace("remove:\n", "remove:\n  - program-contacts-first\n"),
        "  - program-contacts-first",
        ("data/rules.yml states the NRMP's contact rule",),
    ),
    Case(
        "the-home-page-cannot-be-hidden",
        _replace("hide:\n", "hide:\n  - index.md\n"),
        "  - index.md",
        ("the home page (index.md) cannot be hidden",),
    ),
    Case(
        "site-name-too-long",
        _replace(
            "site_name: Riverside SOAP Call Guide",
            "site_name: The Riverside School of Medicine SOAP Thank-You Call Guide for Students",
        ),
        "site_name:",
        ("expected at most 60 characters",),
    ),
    Case(  # YAML reads on to the next '"' (in a comment far below) and fails there
        "unclosed-double-quote",
        _replace('phone: "+1 555 010 0199"', 'phone: "+1 555 010 0199'),
        'phone: "+1 555 010 0199',
        ("this quote is never closed", "add the closing quote at the end of the text"),
    ),
    Case(  # ... and here to the apostrophe of "site's" in the comment three lines below
        "unclosed-single-quote",
        _replace("  name: Riverside School", "  name: 'Riverside School"),
        "  name: 'Riverside School",
        ("this quote is never closed", "add the closing quote"),
    ),
    Case(
        "apostrophe-inside-single-quotes",
        _replace("short_name: Riverside OSA", "short_name: 'Riverside's OSA'"),
        "short_name: 'Riverside's OSA'",
        ("an apostrophe inside '…' ends the text early", "write it twice ('')"),
    ),
    Case(
        "tab-in-office-yml",
        _replace("  short_name: Riverside OSA", "\tshort_name: Riverside OSA"),
        "short_name: Riverside OSA",
        ("not valid YAML", "tab"),
    ),
    Case(
        "html-in-a-note",
        _replace("Riverside OSA follows this rule too", "Riverside OSA <b>follows</b> this rule"),
        "<b>follows</b>",
        ("HTML is not allowed in content",),
    ),
    Case(
        "replaced-see-link-to-nothing",
        _replace(
            "replace:\n",
            "replace:\n  - id: o-call-director\n    see: [program-asked-for-a-cal]\n",
        ),
        "    see: [program-asked-for-a-cal]",
        ("refers to 'program-asked-for-a-cal'", "did you mean 'program-asked-for-a-call'"),
    ),
    Case(
        "note-on-a-hidden-section",
        _replace("  - at: checklist.md", "  - at: what-to-say.md#program-director-or-coordinator"),
        "  - at: what-to-say.md#program-director-or-coordinator",
        ("which is hidden (office/office.yml:",),
    ),
    Case(
        "page-link-in-a-note",
        _replace("or book a ten-minute check with us.", "or read the [myths](myths.md)."),
        "[myths](myths.md)",
        (
            "the link to 'myths.md' would be broken: a link in office.yml needs the page's full",
            "https://<your-account>.github.io/<repository>/myths/",
            "works only in your own pages in office/pages/",
        ),
    ),
    Case(
        "page-link-in-a-replaced-answer",
        _replace("      Not to start", "      See [the checklist](checklist.md). Not to start"),
        "[the checklist](checklist.md)",
        ("a link in office.yml needs the page's full address", "/checklist/"),
    ),
    Case(
        "empty-office-page",
        _write("pages/advising.md", ""),
        "",
        ("the page is empty", "published as a blank page", "delete the file"),
        file="office/pages/advising.md",
    ),
    Case(
        "office-page-with-only-front-matter",
        _write("pages/advising.md", "---\ntitle: Talk to us\n---\n   \n"),
        "   \n",
        ("the page is empty", "a title line"),
        file="office/pages/advising.md",
    ),
    Case(
        "office-folder-in-capitals",
        _rename_folder("Office"),
        FIRST_LINE,
        ("the office's folder must be called office/ (all lower case), not Office/", "rename"),
        file="Office/office.yml",
    ),
    Case(
        "office-folder-named-offices",
        _rename_folder("offices"),
        FIRST_LINE,
        ("must be called office/", "not offices/", "change it to office"),
        file="offices/office.yml",
    ),
    Case(
        "office-yml-at-the-top-without-its-folder",
        _move("office.yml"),
        FIRST_LINE,
        ("must be office/office.yml", "type office/ in front of its name"),
        file="office.yml",
    ),
    Case(
        "office-yaml-at-the-top-without-its-folder",
        _move("office.yaml"),
        FIRST_LINE,
        ("office.yaml at the top of the repository is not read", "change the name to office.yml"),
        file="office.yaml",
    ),
    Case(
        "a-stray-copy-of-office-yml-at-the-top",
        _copy_to_the_top,
        FIRST_LINE,
        ("office.yml at the top of the repository is not read", "delete it"),
        file="office.yml",
    ),
    Case(
        "office-yml-named-in-capitals",
        _move("office/Office.yml", keep_folder=True),
        FIRST_LINE,
        ("rename Office.yml to office.yml", "all lower case"),
        file="office/Office.yml",
    ),
    Case(
        "office-yml-saved-as-text",
        _move("office/office.yml.txt", keep_folder=True),
        FIRST_LINE,
        ("rename office.yml.txt to office.yml",),
        file="office/office.yml.txt",
    ),
    Case(
        "office-yaml-instead-of-yml",
        _move("office/office.yaml", keep_folder=True),
        FIRST_LINE,
        ("rename office.yaml to office.yml",),
        file="office/office.yaml",
    ),
    Case(
        "office-yml-one-folder-too-deep",
        _move("office/office/office.yml", keep_folder=True),
        FIRST_LINE,
        ("must be office/office.yml, directly in office/", "type ../"),
        file="office/office/office.yml",
    ),
    Case(
        "empty-office-yml",
        _write("office.yml", ""),
        "",
        ("the file is empty", "copy the content of examples/office/office.yml"),
    ),
    Case(
        "office-yml-with-only-comments",
        _write("office.yml", "# Our office's settings\n"),
        "# Our office",
        ("the file is empty", "copy the content of examples/office/office.yml"),
    ),
]

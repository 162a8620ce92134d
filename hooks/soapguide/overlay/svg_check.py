"""Whether an office's SVG logo only draws: parsed as XML (expat, from the standard library),
then every element and attribute is checked against what a drawing needs.

A text search cannot do this: a namespace prefix (``<s:script>``), an entity in a scheme
(``java&#115;cript:``) or an address without slashes (``https:evil.example``) all read as
harmless text and run or load once a browser parses them. Parsing resolves all three first, so
the checks below see what the browser sees. The logo is published as a file of the site, and
opening it directly runs any script in it on the site's own address: so nothing but drawing is
let through, and nothing is fetched from elsewhere (the site makes no third-party requests).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.parsers import expat

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
XML = "http://www.w3.org/XML/1998/namespace"
# What drawing tools write beside the drawing (Inkscape's and Sodipodi's settings, the RDF
# licence block in <metadata>): a browser shows and runs none of it, so it is let through.
EDITOR_METADATA = frozenset(
    {
        "http://www.inkscape.org/namespaces/inkscape",
        "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "http://creativecommons.org/ns#",
        "http://web.resource.org/cc/",
        "http://purl.org/dc/elements/1.1/",
        "http://purl.org/dc/terms/",
    }
)
# Elements that draw, paint or describe; anything else (script, foreignObject, iframe, a, image,
# set and animate*, which can set any attribute) is refused.
DRAWING_ELEMENTS = frozenset(
    {
        "svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
        "text", "tspan", "title", "desc", "metadata", "defs", "linearGradient",
        "radialGradient", "stop", "clipPath", "mask", "pattern", "use", "symbol", "marker",
        "style", "filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite",
        "feFlood", "feGaussianBlur", "feMerge", "feMergeNode", "feMorphology", "feOffset",
        "feFuncR", "feFuncG", "feFuncB", "feFuncA",
    }
)  # fmt: skip
XML_ATTRIBUTES = frozenset({"space", "lang"})
LINK_ATTRIBUTES = frozenset({"href", "src"})
# url(…) anywhere in a value or in CSS: only url(#id), a part of the logo itself, may stay.
_URL = re.compile(r"url\(\s*['\"]?\s*(?P<target>[^)'\"]*)", re.I)
# CSS that loads from elsewhere without url(#…), or hides a word behind an escape (u\72l).
_CSS_LOADS = re.compile(r"@import|image-set\(|\bsrc\(|\\", re.I)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)


@dataclass(frozen=True)
class SvgProblem:
    """What is wrong in the logo, and on which line and column (1-based) it is written."""

    line: int
    column: int
    found: str  # what is there, like "a <script> element"
    unreadable: bool = False  # no SVG a browser can read at all, rather than unsafe


class _Refused(Exception):
    def __init__(self, problem: SvgProblem):
        super().__init__(problem.found)
        self.problem = problem


def svg_problem(raw: bytes) -> SvgProblem | None:
    """The first thing in the SVG ``raw`` that is not drawing, or None when it only draws."""
    reader = _Reader()
    try:
        reader.parser.Parse(raw, True)
    except _Refused as refused:
        return refused.problem
    except expat.ExpatError as error:
        return SvgProblem(
            error.lineno,
            error.offset + 1,
            f"XML a browser cannot read ({expat.ErrorString(error.code)})",
            unreadable=True,
        )
    if not reader.seen_root:
        return SvgProblem(1, 1, "no <svg> element", unreadable=True)
    return None


class _Reader:
    """The expat handlers: each refuses, with its place, the first thing that is not drawing."""

    def __init__(self) -> None:
        self.parser = expat.ParserCreate(namespace_separator=" ")
        self.parser.StartDoctypeDeclHandler = self._doctype
        self.parser.SkippedEntityHandler = self._skipped_entity
        self.parser.ProcessingInstructionHandler = self._instruction
        self.parser.StartElementHandler = self._start
        self.parser.EndElementHandler = self._end
        self.parser.CharacterDataHandler = self._text
        self.seen_root = False
        self.style: list[str] | None = None  # the text of the <style> element being read
        self.style_at = (0, 0)

    def _refuse(
        self, found: str, at: tuple[int, int] | None = None, unreadable: bool = False
    ) -> None:
        line, column = at or (self.parser.CurrentLineNumber, self.parser.CurrentColumnNumber + 1)
        raise _Refused(SvgProblem(line, column, found, unreadable))

    def _doctype(self, name: str, system_id: str, public_id: str, internal: bool) -> None:
        """A bare ``<!DOCTYPE svg PUBLIC …>`` (Illustrator writes one) declares nothing and
        is never fetched; one with declarations inside [ ] could define entities that expand
        into anything (or into gigabytes), so it is refused here, before expat reads any of
        them. Without declarations, every entity but the five of XML is undefined."""
        if internal or name != "svg":
            self._refuse("a <!DOCTYPE> with declarations (entities)")

    def _skipped_entity(self, name: str, *_: object) -> None:
        self._refuse(f"an undefined entity &{name};")

    def _instruction(self, target: str, _data: str) -> None:
        self._refuse(f"a processing instruction <?{target} …?> (a style sheet or program)")

    def _start(self, tag: str, attributes: dict[str, str]) -> None:
        namespace, name = _split(tag)
        if not self.seen_root:
            self.seen_root = True
            if (namespace, name) != (SVG, "svg"):
                self._refuse(
                    f'<{name}> where the image should start with <svg xmlns="{SVG}">',
                    unreadable=True,
                )
        if namespace == SVG:
            if name not in DRAWING_ELEMENTS:
                self._refuse(_element(name))
        elif namespace not in EDITOR_METADATA:
            self._refuse(f"{_element(name)} {_from_namespace(namespace)}")
        for key, value in attributes.items():
            self._check_attribute(name, key, value)
        if (namespace, name) == (SVG, "style"):
            self.style = []
            self.style_at = (self.parser.CurrentLineNumber, self.parser.CurrentColumnNumber + 1)

    def _check_attribute(self, element: str, key: str, value: str) -> None:
        namespace, name = _split(key)
        shown = f"the attribute {name}= on <{element}>"
        if namespace == XML and name not in XML_ATTRIBUTES:
            self._refuse(f"{shown} (xml:{name} changes where links lead)")
        if namespace not in ("", XLINK, XML) and namespace not in EDITOR_METADATA:
            self._refuse(f"{shown} {_from_namespace(namespace)}")
        if namespace == XLINK and name != "href":
            self._refuse(f"{shown} (an XLink setting)")
        if name.lower().startswith("on"):
            self._refuse(f"an event handler ({name}= on <{element}>), which runs script")
        if name.lower() in LINK_ATTRIBUTES and not value.strip().startswith("#"):
            self._refuse(f"a link to '{_short(value)}' ({name}= on <{element}>)")
        if namespace == "":  # a style=, or a presentation attribute (fill=) read as CSS
            self._check_css(value, shown)

    def _check_css(self, css: str, where: str, at: tuple[int, int] | None = None) -> None:
        css = _CSS_COMMENT.sub(" ", css)
        outside = _outside_url(css)
        if outside is not None:
            self._refuse(f"url({_short(outside)}) in {where}, which loads from elsewhere", at)
        loads = _CSS_LOADS.search(css)
        if loads:
            what = "a backslash escape" if loads.group(0) == "\\" else loads.group(0)
            self._refuse(f"{what} in {where} (it can load from elsewhere)", at)

    def _text(self, text: str) -> None:
        if self.style is not None:
            self.style.append(text)

    def _end(self, tag: str) -> None:
        if self.style is not None and _split(tag) == (SVG, "style"):
            css, self.style = "".join(self.style), None
            self._check_css(css, "the <style> element", self.style_at)


def _split(name: str) -> tuple[str, str]:
    """(namespace, local name) of an expat name written ``namespace local``."""
    namespace, _, local = name.rpartition(" ")
    return namespace, local


def _element(name: str) -> str:
    """``a <path> element``, ``an <image> element``."""
    article = "an" if name[:1].lower() in "aeiou" else "a"
    return f"{article} <{name}> element"


def _from_namespace(namespace: str) -> str:
    return f"from the namespace '{namespace}'" if namespace else "outside the SVG namespace"


def _outside_url(text: str) -> str | None:
    """The first url(…) in ``text`` that is not url(#…): it would load from elsewhere."""
    for match in _URL.finditer(text):
        if not match.group("target").startswith("#"):
            return match.group("target")
    return None


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"

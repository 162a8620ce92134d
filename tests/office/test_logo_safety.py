"""An office's SVG logo is published as a file of the site, and opening it directly runs any
script in it on the site's own address: the logo passes only if it draws. What drawing tools
export passes; every way found to slip script or a request to elsewhere past a text search is
refused, at its line, with what was found."""

from __future__ import annotations

import pytest
from soapguide.overlay.svg_check import svg_problem

from tests.office.support import EXAMPLE

OPEN = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    'viewBox="0 0 48 48">\n'
)

INKSCAPE_PLAIN = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- Created with Inkscape (http://www.inkscape.org/) -->

<svg
   xmlns:dc="http://purl.org/dc/elements/1.1/"
   xmlns:cc="http://creativecommons.org/ns#"
   xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
   xmlns:svg="http://www.w3.org/2000/svg"
   xmlns="http://www.w3.org/2000/svg"
   xmlns:xlink="http://www.w3.org/1999/xlink"
   width="48mm" height="48mm" viewBox="0 0 48 48" version="1.1" id="svg8">
  <defs id="defs2">
    <linearGradient id="linearGradient833">
      <stop style="stop-color:#7a1f2b;stop-opacity:1" offset="0" id="stop829" />
      <stop style="stop-color:#7a1f2b;stop-opacity:0" offset="1" id="stop831" />
    </linearGradient>
    <linearGradient xlink:href="#linearGradient833" id="linearGradient835"
       x1="0" y1="0" x2="48" y2="48" gradientUnits="userSpaceOnUse" />
    <filter style="color-interpolation-filters:sRGB" id="filter1">
      <feGaussianBlur stdDeviation="0.5" id="feGaussianBlur1" />
    </filter>
  </defs>
  <metadata id="metadata5">
    <rdf:RDF>
      <cc:Work rdf:about="">
        <dc:format>image/svg+xml</dc:format>
        <dc:type rdf:resource="http://purl.org/dc/dcmitype/StillImage" />
        <dc:title>Office logo</dc:title>
      </cc:Work>
    </rdf:RDF>
  </metadata>
  <g id="layer1">
    <path style="fill:url(#linearGradient835);stroke:#ffffff;stroke-width:3;filter:url(#filter1)"
       d="M 24,3 42,9 V 23 C 42,34 34,42 24,45 14,42 6,34 6,23 V 9 Z" id="path10" />
    <text xml:space="preserve" style="font-size:8px;font-family:'Open Sans', sans-serif"
       x="12" y="30" id="text1"><tspan x="12" y="30" id="tspan1">SOM</tspan></text>
  </g>
</svg>
"""

# Inkscape's own format keeps its editing settings in its namespaces.
INKSCAPE_OWN = INKSCAPE_PLAIN.replace(
    'xmlns:svg="http://www.w3.org/2000/svg"',
    'xmlns:svg="http://www.w3.org/2000/svg"\n'
    '   xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"\n'
    '   xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"\n'
    '   sodipodi:docname="logo.svg" inkscape:version="1.3 (0e150ed6c4, 2023-07-21)"',
).replace(
    '<g id="layer1">',
    '<sodipodi:namedview id="base" pagecolor="#ffffff" inkscape:zoom="2.8" '
    'inkscape:current-layer="layer1" />\n  <g inkscape:label="Layer 1" '
    'inkscape:groupmode="layer" id="layer1">',
)

ILLUSTRATOR_EXPORT = """<?xml version="1.0" encoding="UTF-8"?>
<svg id="Layer_1" data-name="Layer 1" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48">
  <defs><style>.cls-1{fill:#231f20;}.cls-2{fill:none;stroke:#231f20;stroke-miterlimit:10;}
  </style></defs>
  <title>logo</title>
  <circle class="cls-2" cx="24" cy="24" r="20"/>
  <polygon class="cls-1" points="24 10 34 34 14 34 24 10"/>
</svg>
"""

ILLUSTRATOR_SAVE_AS = """<?xml version="1.0" encoding="utf-8"?>
<!-- Generator: Adobe Illustrator 24.0.0, SVG Export Plug-In . SVG Version: 6.00 Build 0)  -->
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg version="1.1" id="Layer_1" xmlns="http://www.w3.org/2000/svg"
\txmlns:xlink="http://www.w3.org/1999/xlink" x="0px" y="0px" viewBox="0 0 48 48"
\tstyle="enable-background:new 0 0 48 48;" xml:space="preserve">
<style type="text/css">
\t.st0{fill:#7A1F2B;}
</style>
<rect x="4" y="4" class="st0" width="40" height="40"/>
<clipPath id="c"><use xlink:href="#r" style="overflow:visible;"/></clipPath>
</svg>
"""


@pytest.mark.parametrize(
    "svg",
    [
        (EXAMPLE / "logo.svg").read_text("utf-8"),
        INKSCAPE_PLAIN,
        INKSCAPE_OWN,
        ILLUSTRATOR_EXPORT,
        ILLUSTRATOR_SAVE_AS,
    ],
    ids=["example", "inkscape-plain", "inkscape-svg", "illustrator-export", "illustrator-save"],
)
def test_a_logo_as_drawing_tools_export_it_passes(svg):
    assert svg_problem(svg.encode("utf-8")) is None


# (what the logo holds after its opening <svg> line, words of what is found)
REFUSED = {
    "script": ("<script>alert(1)</script>", "a <script> element"),
    "script-behind-a-namespace-prefix": (
        '<s:script xmlns:s="http://www.w3.org/2000/svg">document.title="ran"</s:script>',
        "a <script> element",
    ),
    "script-in-xhtml": (
        '<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>',
        "a <script> element from the namespace 'http://www.w3.org/1999/xhtml'",
    ),
    "link-with-an-entity-in-its-scheme": (
        '<a href="java&#115;cript:alert(1)"><rect width="4" height="4"/></a>',
        "an <a> element",
    ),
    "use-of-javascript-written-with-an-entity": (
        '<use href="java&#115;cript:alert(1)"/>',
        "a link to 'javascript:alert(1)' (href= on <use>)",
    ),
    "use-of-another-site-without-slashes": (
        '<use xlink:href="https:evil.example/s.svg#a"/>',
        "a link to 'https:evil.example/s.svg#a' (href= on <use>)",
    ),
    "image-from-an-address-without-slashes": (
        '<image href="https:evil.example/t.png"/>',
        "an <image> element",
    ),
    "image-with-an-svg-inside": (
        '<image href="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+"/>',
        "an <image> element",
    ),
    "animation-that-sets-an-event-handler": (
        '<set attributeName="onmouseover" to="alert(1)"/>',
        "a <set> element",
    ),
    "animate": (
        '<animate attributeName="href" values="javascript:alert(1)"/>',
        "an <animate> element",
    ),
    "foreign-object": ("<foreignObject><p>hi</p></foreignObject>", "a <foreignObject> element"),
    "event-handler": ('<rect onclick="alert(1)"/>', "an event handler (onclick= on <rect>)"),
    "event-handler-in-capitals": ('<rect ONLOAD="alert(1)"/>', "an event handler (ONLOAD="),
    "fill-from-another-site": (
        '<rect fill="url(https://evil.example/p.svg#p)"/>',
        "url(https://evil.example/p.svg#p) in the attribute fill= on <rect>",
    ),
    "fill-hidden-behind-a-css-escape": (
        '<rect fill="u\\72l(https://evil.example/p.svg#p)"/>',
        "a backslash escape in the attribute fill= on <rect>",
    ),
    "style-attribute-from-another-site": (
        '<rect style="fill:url(//evil.example/p.svg#p)"/>',
        "url(//evil.example/p.svg#p) in the attribute style= on <rect>",
    ),
    "style-element-import": ('<style>@import "https://evil.example/s.css";</style>', "@import"),
    "style-element-url": (
        "<style><![CDATA[rect { fill: url( 'https://evil.example/p.svg#p' ) }]]></style>",
        "url(https://evil.example/p.svg#p) in the <style> element",
    ),
    "style-element-image-set": (
        '<style>svg { background: image-set("https://evil.example/t.png" 1x) }</style>',
        "image-set( in the <style> element",
    ),
    "xml-base-that-moves-links-elsewhere": (
        '<g xml:base="https://evil.example/"><use href="#a"/></g>',
        "xml:base changes where links lead",
    ),
    "unknown-namespace": (
        '<x:thing xmlns:x="https://tool.example/ns"/>',
        "a <thing> element from the namespace 'https://tool.example/ns'",
    ),
    "style-sheet-instruction": (
        '<?xml-stylesheet type="text/xsl" href="https://evil.example/x.xsl"?>',
        "a processing instruction <?xml-stylesheet",
    ),
}


@pytest.mark.parametrize("name", REFUSED)
def test_anything_but_drawing_is_refused_at_its_line(name):
    inside, found = REFUSED[name]
    problem = svg_problem(f"{OPEN}  <g>\n{inside}\n  </g>\n</svg>\n".encode())
    assert problem is not None, f"{name} passed"
    assert found in problem.found
    assert not problem.unreadable
    assert problem.line == 3


def test_entity_declarations_are_refused_before_they_expand():
    """A billion laughs: ten entities, each ten of the one before."""
    entities = '<!ENTITY e0 "lol">' + "".join(
        f'<!ENTITY e{n} "{f"&e{n - 1};" * 10}">' for n in range(1, 10)
    )
    svg = f"<!DOCTYPE svg [{entities}]>\n{OPEN}<text>&e9;</text></svg>"
    problem = svg_problem(svg.encode())
    assert problem is not None and problem.line == 1
    assert "a <!DOCTYPE> with declarations (entities)" in problem.found


def test_an_entity_the_logo_does_not_declare_is_refused():
    """Illustrator's bare DOCTYPE names a DTD that is never read: an entity from it is
    undefined, and a browser would show no logo at all."""
    doctype = ILLUSTRATOR_SAVE_AS.split("\n")[2]
    problem = svg_problem(f"{doctype}\n{OPEN}<text>&nbsp;SOM</text></svg>".encode())
    assert problem is not None and problem.line == 3
    assert "an undefined entity &nbsp;" in problem.found


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "XML a browser cannot read"),
        (b"<svg viewBox='0 0 4 4'><rect/></svg>", 'should start with <svg xmlns="'),
        (b"<html><body/></html>", "<html> where the image should start with <svg"),
        (b"<!-- nothing drawn -->", "XML a browser cannot read"),
    ],
    ids=["png-named-svg", "svg-without-its-namespace", "html", "no-element"],
)
def test_a_file_that_is_no_svg_is_said_to_be_unreadable(raw, found):
    problem = svg_problem(raw)
    assert problem is not None and problem.unreadable
    assert found in problem.found

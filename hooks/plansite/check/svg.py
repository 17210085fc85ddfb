"""An SVG file is a document: opened on its own (a link to it, a download), it can run script, load other
documents or style itself with XSLT. An SVG under docs/ may only draw.

Read with expat, event by event, so that what ElementTree hides is seen: a processing instruction
(`<?xml-stylesheet?>` runs XSLT) or a DOCTYPE (entities, external subsets) is refused where it stands.
Elements come from an allowlist of SVG's drawing elements (no script, no foreignObject, nothing of HTML
or MathML); no attribute is an event handler; every reference stays inside the file (`#id`, `url(#id)`),
except a link's address (http, https, mailto, tel) and a picture embedded as data."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable
from xml.parsers import expat

from plansite.check.html_safety import URL_SCHEMES, url_scheme
from plansite.validate.problems import Problem, say

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
# Namespaces whose elements a browser would make live inside an SVG document (or that include other files).
LIVE_NAMESPACES = {"http://www.w3.org/1999/xhtml": "HTML", "http://www.w3.org/1998/Math/MathML": "MathML",
                   "http://www.w3.org/2001/XInclude": "XInclude", "http://www.w3.org/1999/XSL/Transform": "XSLT"}
FILTERS = {"feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix",
           "feDiffuseLighting", "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood", "feFuncA",
           "feFuncB", "feFuncG", "feFuncR", "feGaussianBlur", "feMerge", "feMergeNode", "feMorphology",
           "feOffset", "fePointLight", "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence"}
ELEMENTS = {"svg", "g", "defs", "symbol", "use", "title", "desc", "metadata", "path", "rect", "circle", "ellipse",
            "line", "polyline", "polygon", "text", "tspan", "textPath", "a", "image", "switch", "style",
            "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker", "filter", "view",
            "animate", "animateMotion", "animateTransform", "set", "mpath", *FILTERS}
ANIMATIONS = {"animate", "set", "animateMotion", "animateTransform"}
# Pictures an <image> may embed: raster data, which an SVG shown as a picture cannot make run.
EMBEDDED_PICTURE = re.compile(r"^data:image/(png|jpeg|gif|webp);", re.IGNORECASE)
# url(…) in a style or a presentation attribute (fill="url(#g)"): only to an element of the same file.
CSS_URL = re.compile(r"url\s*\(\s*(['\"]?)(.*?)\1\s*\)", re.IGNORECASE | re.DOTALL)


class _Refused(Exception):
    """A DOCTYPE: nothing after it is read (its entities could expand without end)."""


def svg_problems(path: Path, shown_as: str) -> Iterable[Problem]:
    """Every reason the SVG at path may not be published, each at its line and column."""
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    problems: list[Problem] = []
    styles: list[bool] = []   # for each open element: is it a <style>
    refused: list[bool] = []  # for each open element: is it (or an element around it) refused

    def problem(message: str) -> None:
        problems.append(Problem(shown_as, parser.CurrentLineNumber, parser.CurrentColumnNumber + 1, "", message,
                                say("fixes.svg_script")))

    def instruction(target: str, _data: str) -> None:
        problem(say("problems.svg_instruction", target=target))

    def doctype(name: str, *_ignored) -> None:
        problem(say("problems.svg_doctype", name=name))
        raise _Refused

    def start(name: str, attributes: dict[str, str]) -> None:
        namespace, _, tag = name.rpartition(" ")
        styles.append(namespace == SVG and tag == "style")
        refused.append(bool(refused and refused[-1]))
        if refused[-1]:
            return  # inside a refused element: it goes, with everything in it
        if namespace in LIVE_NAMESPACES:
            problem(say("problems.svg_foreign_element", kind=LIVE_NAMESPACES[namespace], tag=tag))
            refused[-1] = True
        elif namespace == SVG and tag not in ELEMENTS:
            problem(say("problems.svg_element", tag=tag.lower()))
            refused[-1] = True
        for attribute, value in attributes.items():
            reason = _attribute_problem(tag if namespace == SVG else "", attribute, value)
            if reason:
                problem(reason)

    def text(data: str) -> None:
        if styles and styles[-1] and (_outside_reference(data) or "@import" in data.lower()):
            problem(say("problems.svg_style_outside"))

    parser.ProcessingInstructionHandler = instruction
    parser.StartDoctypeDeclHandler = doctype
    parser.StartElementHandler = start
    parser.EndElementHandler = lambda name: (styles.pop(), refused.pop())
    parser.CharacterDataHandler = text
    try:
        with path.open("rb") as stream:
            parser.ParseFile(stream)
    except _Refused:
        pass
    except expat.ExpatError as error:
        problems.append(Problem(shown_as, error.lineno, error.offset + 1, "",
                                say("problems.unreadable_svg", shown=expat.ErrorString(error.code)), say("fixes.svg_script")))
    return problems


def _attribute_problem(tag: str, attribute: str, value: str) -> str | None:
    local = attribute.rpartition(" ")[2]
    if local.lower().startswith("on"):
        return say("problems.svg_attribute", attribute=local)
    if local == "href":
        scheme = url_scheme(value)
        same_file = value.strip().startswith("#")
        if tag == "a" and (scheme is None or scheme in URL_SCHEMES):
            return None
        if same_file or (tag == "image" and EMBEDDED_PICTURE.match(value.strip())):
            return None
        return say("problems.svg_outside", shown=f'{local}="{value[:60]}"')
    if tag in ANIMATIONS and local == "attributeName":
        target = value.strip().rpartition(":")[2].lower()
        if target == "href" or target.startswith("on"):
            return say("problems.svg_animation", attribute=value)
    if _outside_reference(value):
        return say("problems.svg_outside", shown=f'{local}="{value[:60]}"')
    return None


def _outside_reference(css: str) -> bool:
    """A url(…) in CSS that names anything but an element of the same file."""
    return any(not target.strip().startswith("#") for _, target in CSS_URL.findall(css))

"""Just enough of an HTML tree to assert on rendered markup: elements, attributes, text.

Selectors are single compound ones: `input`, `.nhsuk-hint`, `#id_name`, `a[href]`,
`div.nhsuk-form-group[data-x="y"]`; no combinators.
"""

import re
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
_PART = re.compile(r'([.#]?)([\w-]+)|\[([\w-]+)(?:="([^"]*)"|=([\w-]+))?\]')


class Element:
    def __init__(self, tag: str, attrs: dict[str, str | None], parent: "Element | None"):
        self.tag = tag
        self.attrs = attrs
        self.parent = parent
        self.children: list[Element | str] = []

    def __repr__(self):
        return f"<{self.tag} {self.attrs}>"

    @property
    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    @property
    def text(self) -> str:
        """The text inside, whitespace collapsed as a browser shows it."""
        parts = []
        for child in self.children:
            parts.append(child if isinstance(child, str) else f" {child.text} ")
        return " ".join("".join(parts).split())

    def iter(self):
        for child in self.children:
            if isinstance(child, Element):
                yield child
                yield from child.iter()

    def matches(self, selector: str) -> bool:
        for prefix, name, attr, quoted, bare in _PART.findall(selector):
            value = quoted or bare
            if attr:
                ok = attr in self.attrs and (not value or self.attrs[attr] == value)
            elif prefix == ".":
                ok = name in self.classes
            elif prefix == "#":
                ok = self.attrs.get("id") == name
            else:
                ok = self.tag == name
            if not ok:
                return False
        return True

    def select(self, selector: str) -> list["Element"]:
        if "".join(m.group(0) for m in _PART.finditer(selector)) != selector:
            raise ValueError(f"unsupported selector {selector!r}")
        return [element for element in self.iter() if element.matches(selector)]

    def select_one(self, selector: str) -> "Element":
        found = self.select(selector)
        assert len(found) == 1, f"{len(found)} elements match {selector!r}"
        return found[0]

    def closest(self, selector: str) -> "Element | None":
        element = self.parent
        while element is not None and not element.matches(selector):
            element = element.parent
        return element


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {}, None)
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs), self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_endtag(self, tag):
        element = self.current
        while element is not self.root and element.tag != tag:
            element = element.parent
        assert element is not self.root, f"</{tag}> closes nothing"
        self.current = element.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(html: str) -> Element:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    assert builder.current is builder.root, f"unclosed <{builder.current.tag}>"
    return builder.root

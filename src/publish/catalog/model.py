"""The one internal model of a release's catalog metadata; every output format is rendered from it.

Nothing here is typed in by hand: titles, descriptions, keywords, licence, publisher, contact,
place and years come from the package's descriptor and data (see ``publish.catalog.source``),
and the download URLs follow the release layout under a base URL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from publish.core import release_name

# Vocabularies the outputs share (EU authority tables for DCAT-AP, IANA for media types).
FREQUENCY_ANNUAL = "http://publications.europa.eu/resource/authority/frequency/ANNUAL"
LANGUAGES = {
    "zh": "http://publications.europa.eu/resource/authority/language/ZHO",
    "en": "http://publications.europa.eu/resource/authority/language/ENG",
}
ACCESS_PUBLIC = "http://publications.europa.eu/resource/authority/access-right/PUBLIC"
THEME_GOVERNMENT = "http://publications.europa.eu/resource/authority/data-theme/GOVE"
THEMES = "http://publications.europa.eu/resource/authority/data-theme"
AVAILABILITY_STABLE = "http://publications.europa.eu/resource/authority/planned-availability/STABLE"
PUBLISHER_TYPE_LOCAL = "http://purl.org/adms/publishertype/LocalAuthority"
FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
IANA = "https://www.iana.org/assignments/media-types/"
MEDIA_TYPES = {
    "CSV": "text/csv",
    "ZIP": "application/zip",
    "XLSX": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
CHECKSUM_ALGORITHM = "sha256"
# SPDX licence id -> (id, title) in CKAN's default licence register (ckan/model/license.py): ckanext-dcat
# matches a harvested licence to it by URL or by title, and the URLs there are opendefinition.org's
CKAN_LICENSES = {
    "CC-BY-4.0": ("cc-by", "Creative Commons Attribution"),
    "CC-BY-SA-4.0": ("cc-by-sa", "Creative Commons Attribution Share-Alike"),
    "CC0-1.0": ("cc-zero", "Creative Commons CCZero"),
    "ODbL-1.0": ("odc-odbl", "Open Data Commons Open Database License (ODbL)"),
}


@dataclass(frozen=True)
class Text:
    """One text in Chinese and in English."""

    zh: str
    en: str


@dataclass(frozen=True)
class Agent:
    """An organisation named by the data; ``credit_code`` only when the data publishes one."""

    key: str
    name: str
    credit_code: str | None = None


@dataclass(frozen=True)
class Contact:
    name: str
    organization: str
    phone: str | None = None

    @property
    def tel(self) -> str | None:
        """The phone as a ``tel:`` URI, or None."""
        return f"tel:{self.phone}" if self.phone else None


@dataclass(frozen=True)
class Place:
    """The county the data covers: its GB/T 2260 code and name."""

    division_code: str
    name: str


@dataclass(frozen=True)
class Distribution:
    """One downloadable file of the release."""

    key: str
    title: Text
    description: Text
    url: str
    file_format: str
    byte_size: int | None = None
    sha256: str | None = None
    records: int | None = None

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[self.file_format]


@dataclass(frozen=True)
class Variable:
    """A measured column: ``resource.field``, its Chinese title and its unit."""

    name: str
    title: str
    unit: str


@dataclass(frozen=True)
class License:
    name: str
    url: str
    title: str

    @property
    def ckan_id(self) -> str:
        """The id CKAN's default register gives this licence (``cc-by``), else its SPDX name."""
        return CKAN_LICENSES.get(self.name, (self.name, ""))[0]

    @property
    def ckan_title(self) -> str:
        """The title CKAN's default register gives this licence, else the descriptor's title."""
        known = CKAN_LICENSES.get(self.name)
        return known[1] if known else (self.title or self.name)


@dataclass(frozen=True)
class CatalogModel:
    name: str
    version: str
    title: Text
    description: Text
    keywords: tuple[str, ...]
    license: License
    base_url: str
    landing_page: str
    publisher: Agent
    contact: Contact | None
    place: Place
    fiscal_years: tuple[int, ...]
    issued: date | None = None
    creators: tuple[Agent, ...] = ()
    distributions: tuple[Distribution, ...] = ()
    variables: tuple[Variable, ...] = field(default=())

    @property
    def release(self) -> str:
        """``<name>-<version>``: the release's folder, zip and xlsx name."""
        return release_name(self.name, self.version)

    @property
    def release_url(self) -> str:
        return f"{self.base_url}/{self.release}"

    @property
    def catalog_iri(self) -> str:
        return f"{self.base_url}/#catalog"

    @property
    def dataset_iri(self) -> str:
        return f"{self.release_url}/#dataset"

    @property
    def place_iri(self) -> str:
        """The county as a node of our own, named by its GB/T 2260 code (no public authority IRI exists)."""
        return f"{self.base_url}/#place-{self.place.division_code}"

    @property
    def first_creator(self) -> Agent | None:
        """The creator whose IRI sorts first: the one ckanext-dcat keeps (it reads only the first)."""
        return min(self.creators, key=self.agent_iri, default=None)

    def agent_iri(self, agent: Agent) -> str:
        return f"{self.base_url}/#agent-{agent.key}"

    def distribution_iri(self, distribution: Distribution) -> str:
        return f"{self.release_url}/#distribution-{distribution.key}"

    @property
    def catalog_title(self) -> Text:
        return Text(zh=f"{self.title.zh}发布目录", en=f"{self.title.en}: releases")

    @property
    def catalog_description(self) -> Text:
        return Text(
            zh=f"{self.title.zh}各版本的下载与元数据（{self.base_url}）。",
            en=f"Downloads and metadata of every release of {self.title.en} ({self.base_url}).",
        )

    @property
    def temporal(self) -> tuple[date, date]:
        """The fiscal years covered, as dates (a Chinese fiscal year is the calendar year)."""
        return date(min(self.fiscal_years), 1, 1), date(max(self.fiscal_years), 12, 31)

    @property
    def zip(self) -> Distribution:
        return next(d for d in self.distributions if d.key == "zip")


def language_of(text: str) -> str:
    """'zh' when at least a fifth of the letters are CJK ideographs, else 'en'."""
    letters = [char for char in text if char.isalpha()]
    cjk = sum(1 for char in letters if "\u4e00" <= char <= "\u9fff")
    return "zh" if letters and cjk * 5 >= len(letters) else "en"

"""ckanext-dcat's own RDF parser (what CKAN's ``dcat_rdf`` harvester runs) on DCAT files: for each file, the dataset
dicts it yields, as one JSON object on stdout (``{FILE: [dataset, …]}``).

Run with the python of .cache/ckan/venv (tests/ckan/install.sh): ``python parse_dcat.py LOCALE FILE FORMAT …``, where
LOCALE is the portal's ``ckan.locale_default`` (ckanext-dcat keeps the text whose language tag equals it when a title
is given in several languages, else the first it meets) and FORMAT an rdflib format (``turtle``, ``json-ld``). Only the parser's default profile is
used (``euro_dcat_ap_3`` in ckanext-dcat 2.4), as on a portal that does not configure ``ckanext.dcat.rdf.profiles``.
"""

import json
import sys

from ckanext.dcat.processors import RDFParser
from ckantoolkit import config


def parsed(path: str, rdf_format: str) -> list[dict]:
    parser = RDFParser()
    with open(path, encoding="utf-8") as handle:
        parser.parse(handle.read(), _format=rdf_format)
    return list(parser.datasets())


def main(locale: str, *files: str) -> None:
    config["ckan.locale_default"] = locale
    pairs = zip(files[::2], files[1::2], strict=True)
    json.dump({path: parsed(path, rdf_format) for path, rdf_format in pairs}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(*sys.argv[1:])

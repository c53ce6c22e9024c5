"""A stand-in for Solr, only because Solr cannot be installed here (no registry we reach ships it).

It is a minimal index, not a fake answer. CKAN's writes are kept: ``update`` adds (pysolr posts JSON documents; one
with the ``index_id`` of a kept one replaces it), deletes by id or by query (XML), and commits (``<commit/>`` or
``commit=true``); a search sees what was committed. ``select`` evaluates the query CKAN sends (``q``, each ``fq``,
``fl``, ``rows``, ``start``, ``sort``, ``facet.field``) over the kept documents: the Lucene subset of
tests/ckan/solr_query.py, exact matches on the ``string`` fields of CKAN's own Solr schema (``schema.xml`` from the
CKAN venv, which also gives the field types, what is stored, and the schema name CKAN checks at start-up). So
``package_search`` by name, id, state, organisation, permission labels or an extra such as ``guid`` finds what a real
Solr finds. Relevance, text analysis (``text`` fields: titles, descriptions, ``extras_*``), date ranges and free-text
(dismax) search are not implemented: such a request gets HTTP 400 naming what it asked, so the test fails loudly.
"""

from __future__ import annotations

import json
import threading
import xml.etree.ElementTree as ElementTree
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from tests.ckan.solr_query import QueryNotSupported, field_values, parse
from tests.ckan.solr_schema import Schema

HEADER = {"status": 0, "QTime": 0}
SELECT_PARAMETERS = {"q", "fq", "fl", "rows", "start", "sort", "wt", "q.op", "df"}
FACET_PARAMETERS = {"facet", "facet.field", "facet.limit", "facet.mincount"}
UPDATE_PARAMETERS = {"commit", "softCommit", "waitSearcher", "waitFlush", "overwrite", "wt"}
SORTABLE_TYPES = {"string", "date", "int", "long", "float", "double"}


class Index:
    """The documents CKAN wrote, by ``index_id`` (CKAN's unique key): all of them, and those committed."""

    def __init__(self, schema: Schema):
        self.schema = schema
        self.written: dict[str, dict] = {}
        self.committed: dict[str, dict] = {}
        self.updates = 0  # update requests accepted
        self.queries: list[dict] = []  # the parameters of every select, for a test to read
        self.lock = threading.Lock()

    def add(self, documents: list[dict]) -> None:
        for document in documents:
            if not isinstance(document, dict) or "index_id" not in document:
                raise QueryNotSupported(f"an added document must be an object with an index_id: {document!r:.200}")
            self.written[str(document["index_id"])] = document

    def delete_ids(self, ids: list[str]) -> None:
        for index_id in ids:
            self.written.pop(index_id, None)

    def delete_query(self, query: str) -> None:
        test = parse(query, self.schema.is_string)
        self.written = {key: document for key, document in self.written.items() if not test(document)}

    def commit(self) -> None:
        self.committed = dict(self.written)

    def select(self, params: dict[str, list[str]]) -> dict:
        """Solr's JSON answer to a search, or :class:`QueryNotSupported`."""
        unknown = set(params) - SELECT_PARAMETERS - FACET_PARAMETERS
        if unknown or one(params, "wt", "json") != "json" or params.get("defType"):
            raise QueryNotSupported(f"search parameters not implemented: {sorted(unknown) or params}")
        and_by_default = one(params, "q.op", "OR") == "AND"
        tests = [parse(q, self.schema.is_string, and_by_default=and_by_default) for q in params.get("q", ["*:*"])]
        tests += [parse(fq, self.schema.is_string, and_by_default=and_by_default) for fq in params.get("fq", [])]
        found = [d for d in self.committed.values() if all(test(d) for test in tests)]
        found = self._sorted(found, one(params, "sort", "score desc"))
        start, rows = int(one(params, "start", "0")), int(one(params, "rows", "10"))
        docs = [self._stored(document, one(params, "fl", "*")) for document in found[start : start + rows]]
        answer = {"responseHeader": HEADER, "response": {"numFound": len(found), "start": start, "docs": docs}}
        if one(params, "facet", "false") == "true":
            answer["facet_counts"] = {"facet_fields": self._facets(found, params)}
        return answer

    def _sorted(self, documents: list[dict], sort: str) -> list[dict]:
        """Sorted by each ``field asc|desc`` in turn (every match scores alike: only filters are evaluated)."""
        for clause in reversed([c.split() for c in sort.split(",")]):
            name, direction = [*clause, ""][:2]
            if direction not in ("asc", "desc") or len(clause) != 2:
                raise QueryNotSupported(f"sort clause {' '.join(clause)!r} is not 'field asc|desc'")
            if name == "score":
                continue
            if (self.schema.kind(name) or ("",))[0] not in SORTABLE_TYPES:
                raise QueryNotSupported(f"sorting on {name!r} is not implemented (not a string, date or number)")
            present = [d for d in documents if field_values(d, name)]
            present.sort(key=lambda d: sort_key(field_values(d, name)[0]), reverse=direction == "desc")
            documents = present + [d for d in documents if not field_values(d, name)]  # missing sort last
        return documents

    def _stored(self, document: dict, fl: str) -> dict:
        names = [name for name in fl.replace(",", " ").split() if name != "score"]
        wanted = [name for name in document if "*" in names or name in names]
        return {name: document[name] for name in wanted if self.schema.is_stored(name)}

    def _facets(self, documents: list[dict], params: dict[str, list[str]]) -> dict[str, list]:
        limit, least = int(one(params, "facet.limit", "100")), int(one(params, "facet.mincount", "0"))
        facets = {}
        for name in params.get("facet.field", []):
            if not self.schema.is_string(name):
                raise QueryNotSupported(f"facet on {name!r}: only string fields are implemented")
            counts: dict[str, int] = {}
            for value in (v for d in documents for v in field_values(d, name)):
                counts[value] = counts.get(value, 0) + 1
            ranked = sorted((item for item in counts.items() if item[1] >= least), key=lambda i: (-i[1], i[0]))
            facets[name] = [part for item in ranked[: limit if limit >= 0 else None] for part in item]
        return facets


def one(params: dict[str, list[str]], name: str, default: str) -> str:
    values = params.get(name) or [default]
    if len(values) > 1:
        raise QueryNotSupported(f"parameter {name!r} given {len(values)} times")
    return values[0]


def sort_key(value: str) -> tuple:
    try:
        return (0, float(value), "")
    except ValueError:
        return (1, 0.0, value)


def apply_update(index: Index, body: bytes, content_type: str, params: dict[str, list[str]]) -> None:
    """An ``update`` request: JSON documents to add, or an XML ``add``, ``delete`` or ``commit``; then the
    ``commit=true`` / ``softCommit=true`` of its URL."""
    unknown = set(params) - UPDATE_PARAMETERS
    if unknown:
        raise QueryNotSupported(f"update parameters not implemented: {sorted(unknown)}")
    if body.strip():
        if "json" in content_type:
            documents = json.loads(body)
            index.add(documents if isinstance(documents, list) else [documents])
        else:
            apply_xml(index, ElementTree.fromstring(body))
    if "true" in (params.get("commit", []) + params.get("softCommit", [])):
        index.commit()


def apply_xml(index: Index, message: ElementTree.Element) -> None:
    if message.tag == "commit":
        return index.commit()
    if message.tag == "delete":
        index.delete_ids([e.text or "" for e in message.findall("id")])
        for query in message.findall("query"):
            index.delete_query(query.text or "")
        return None
    if message.tag == "add":
        return index.add([{f.get("name"): f.text for f in doc.findall("field")} for doc in message.findall("doc")])
    raise QueryNotSupported(f"update message <{message.tag}> is not implemented")


class SolrStandIn(BaseHTTPRequestHandler):
    """Answers CKAN's calls under /solr/ckan/: ``select``, ``update``, and the schema."""

    def do_GET(self):
        self._answer(b"")

    def do_POST(self):
        self._answer(self.rfile.read(int(self.headers.get("Content-Length") or 0)))

    def _answer(self, body: bytes):
        url = urlsplit(self.path)
        path, params = url.path.rstrip("/"), parse_qs(url.query, keep_blank_values=True)
        index: Index = self.server.index
        try:
            with index.lock:
                if path.endswith("/schema") or path.endswith("/admin/file"):
                    return self._send(200, index.schema.xml, "application/xml")
                if path.endswith("/update"):
                    apply_update(index, body, self.headers.get("Content-Type", ""), params)
                    index.updates += 1
                    return self._json(200, {"responseHeader": HEADER})
                if path.endswith("/select"):
                    if body:  # pysolr posts a long query as a form
                        params = {**params, **parse_qs(body.decode("utf-8"), keep_blank_values=True)}
                    index.queries.append(params)
                    return self._json(200, index.select(params))
        except (QueryNotSupported, ValueError, ElementTree.ParseError) as error:
            message = f"Solr stand-in (tests/ckan/solr_standin.py) cannot answer {self.path}: {error}"
            return self._json(
                400, {"responseHeader": {**HEADER, "status": 400}, "error": {"msg": message, "code": 400}}
            )
        return self._json(404, {"error": {"msg": f"Solr stand-in: no handler for {path}", "code": 404}})

    def _json(self, status: int, answer: dict):
        self._send(status, json.dumps(answer, ensure_ascii=False).encode(), "application/json")

    def _send(self, status: int, body: bytes, content_type: str):
        self.send_response(status)
        self.send_header("Content-Type", f"{content_type}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def start(schema: Schema) -> tuple[ThreadingHTTPServer, str]:
    """The stand-in serving on a free loopback port (``server.index`` is its :class:`Index`), and the
    ``solr_url`` CKAN is given. ``schema`` is CKAN's own (ckan/config/solr/schema.xml in the CKAN venv)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), SolrStandIn)
    server.index, server.daemon_threads = Index(schema), True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/solr/ckan"

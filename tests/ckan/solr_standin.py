"""A stand-in for Solr, only because Solr cannot be installed here (no registry we reach ships it).

CKAN will not start without a search index: at start-up it runs a search (``select?q=*:*``) and reads the
index's schema name (``ckan-2.12``); every dataset written is then sent to ``update`` and committed. This
server answers exactly those calls on a loopback port: updates, commits and deletes are accepted and
recorded, schema and version queries get CKAN's own answers, and every search finds nothing. So
``package_search`` (and what is built on it) is not tested here: the live tests read datasets with
``package_list`` and ``package_show``, which come from PostgreSQL.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

SCHEMA_XML = b'<?xml version="1.0" encoding="UTF-8"?>\n<schema name="ckan-2.12" version="1.6"></schema>\n'
HEADER = {"status": 0, "QTime": 0}
NOTHING_FOUND = {"responseHeader": HEADER, "response": {"numFound": 0, "start": 0, "docs": []}}


class SolrStandIn(BaseHTTPRequestHandler):
    """Answers CKAN's calls under /solr/ckan/; ``server.updates`` counts the index writes it accepted."""

    def do_GET(self):
        self._answer()

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        self._answer()

    def _answer(self):
        path = urlsplit(self.path).path.rstrip("/")
        if path.endswith("/schema") or path.endswith("/admin/file"):
            return self._send(SCHEMA_XML, "application/xml")
        if path.endswith("/update"):
            with self.server.lock:
                self.server.updates += 1
            return self._send(json.dumps({"responseHeader": HEADER}).encode(), "application/json")
        if path.endswith("/select"):
            return self._send(json.dumps(NOTHING_FOUND).encode(), "application/json")
        return self._send(json.dumps({"responseHeader": HEADER}).encode(), "application/json")

    def _send(self, body: bytes, content_type: str):
        self.send_response(200)
        self.send_header("Content-Type", f"{content_type}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def start() -> tuple[ThreadingHTTPServer, str]:
    """The stand-in serving on a free loopback port, and the ``solr_url`` CKAN is given."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), SolrStandIn)
    server.updates, server.lock, server.daemon_threads = 0, threading.Lock(), True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/solr/ckan"

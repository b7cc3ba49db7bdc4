"""How `make bench` judges flatness (scripts/bench.py): rounds over every page, each asking
two servers alternately one request at a time; a page over the limit is asked as many rounds
again, and a page the bench only reports is not. Two small HTTP servers stand in for the
seeded and grown gunicorns, the grown one three times slower on some pages."""

import sys
import threading
import time
from argparse import Namespace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import bench

REPORTED_ONLY = "/governance/meetings.ics"


def server(slower: int):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            slow = self.path.startswith("/slow/") or self.path == REPORTED_ONLY
            time.sleep(0.01 * (slower if slow else 1))
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


@pytest.fixture
def ports():
    # On the grown server, /slow/ and the reported-only page take three times as long.
    seeded, grown = server(slower=1), server(slower=3)
    yield {"seed": seeded.server_port, "grown": grown.server_port}
    seeded.shutdown()
    grown.shutdown()


def test_each_page_gets_a_ratio_a_round_and_its_latencies(ports):
    found = bench.flatness_rounds(ports, ["/a/", "/slow/"], pairs=5, rounds=2)
    assert [len(found[url]["ratios"]) for url in ("/a/", "/slow/")] == [2, 2]
    assert all(len(found["/a/"]["times"][label]) == 10 for label in ports)
    assert min(found["/slow/"]["ratios"]) > bench.TARGETS["flatness"]
    assert max(found["/a/"]["ratios"]) < bench.TARGETS["flatness"]


def test_a_page_over_the_limit_is_asked_again_and_a_reported_one_is_not(ports):
    args = Namespace(pairs=5, rounds=2)
    found = bench.flatness(ports, ["/slow/", REPORTED_ONLY], args)
    assert len(found["/slow/"]["ratios"]) == 4
    assert len(found["/slow/"]["times"]["grown"]) == 20
    assert len(found[REPORTED_ONLY]["ratios"]) == 2


def test_a_flat_page_is_asked_once(ports):
    found = bench.flatness(ports, ["/a/"], Namespace(pairs=5, rounds=2))
    assert len(found["/a/"]["ratios"]) == 2

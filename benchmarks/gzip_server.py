"""A static file server on 127.0.0.1 that gzip-compresses text, like a real static host.

Lighthouse judges transfer sizes and caching, so the benchmark serves the site the way
a production host would rather than with `python -m http.server`.
"""

from __future__ import annotations

import contextlib
import gzip
import http.server
import io
import mimetypes
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()
            path = path / "index.html"
        if not path.is_file():
            return super().send_head()
        ctype = mimetypes.guess_type(str(path))[0] or "application/octet-stream"
        data = path.read_bytes()
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        self.send_response(200)
        self.send_header(
            "Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else "")
        )
        if accepts and ctype.startswith(COMPRESSIBLE):
            data = gzip.compress(data, compresslevel=6)
            self.send_header("Content-Encoding", "gzip")
        immutable = "/assets/" in self.path
        self.send_header("Cache-Control", "public, max-age=31536000" if immutable else "no-cache")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        return io.BytesIO(data)


@contextlib.contextmanager
def serve_gzip(root: Path, port: int = 0) -> Iterator[str]:
    """Serve `root` in a background thread; yield the base URL."""
    handler = partial(GzipHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()

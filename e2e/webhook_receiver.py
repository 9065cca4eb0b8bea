#!/usr/bin/env python3
"""The webhook Alertmanager delivers to in the end-to-end test.

Listens on 127.0.0.1:PORT and appends the body of every POST, as one line, to FILE, so that the
test can read what Alertmanager sent. Usage: webhook_receiver.py PORT FILE
"""

import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def main():
    port, received = int(sys.argv[1]), sys.argv[2]

    class Receiver(BaseHTTPRequestHandler):

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            with open(received, "ab") as out:
                # Alertmanager's JSON has no raw newlines: one body is one line
                out.write(body.replace(b"\n", b" ") + b"\n")
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, fmt, *args):
            sys.stderr.write("webhook: " + (fmt % args) + "\n")

    ThreadingHTTPServer(("127.0.0.1", port), Receiver).serve_forever()


if __name__ == "__main__":
    main()

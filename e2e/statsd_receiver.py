#!/usr/bin/env python3
"""The StatsD agent the sample app sends to in the end-to-end test.

Listens on a free UDP port of 127.0.0.1, prints the port, and appends every line of every
datagram to FILE, so that the test can read what the app's StatsD registry sent.
Usage: statsd_receiver.py FILE
"""

import socket
import sys


def main():
    received = sys.argv[1]
    agent = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    agent.bind(("127.0.0.1", 0))
    print(agent.getsockname()[1], flush=True)
    with open(received, "ab", buffering=0) as out:
        while True:
            datagram, _ = agent.recvfrom(65535)
            # A datagram holds one or more lines, each a metric
            out.write(datagram.rstrip(b"\n") + b"\n")


if __name__ == "__main__":
    main()

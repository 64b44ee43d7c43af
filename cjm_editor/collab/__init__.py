"""Live co-editing on the local network, on Yjs through pycrdt.

Qt-free. `ystate` maps a map's collections to Y structures; `binding` keeps a `JourneyDocument` and a
Y doc in step (local gestures become Y transactions, peers' changes become document changes, invalid
merges are repaired and reported); `host` serves a room with pycrdt-websocket, a join code and a
SQLite store; `peer` connects a Y doc to a host from a worker thread that owns the network.
"""

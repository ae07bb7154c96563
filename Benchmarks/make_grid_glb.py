#!/usr/bin/env python3
"""Writes a valid GLB grid mesh with about N triangles (POSITION, NORMAL, TEXCOORD_0, uint32 indices).
usage: make_grid_glb.py OUT.glb [TRIANGLES]   (default 1,000,000)"""
import json, math, struct, sys
out = sys.argv[1]
tris = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
n = max(1, int(math.sqrt(tris / 2)))          # n x n quads, 2 triangles each
verts = (n + 1) * (n + 1)
pos = bytearray(); nrm = bytearray(); uv = bytearray()
for j in range(n + 1):
    for i in range(n + 1):
        pos += struct.pack('<3f', i / n, 0.0, j / n)
        nrm += struct.pack('<3f', 0.0, 1.0, 0.0)
        uv += struct.pack('<2f', i / n, j / n)
idx = bytearray()
for j in range(n):
    for i in range(n):
        a = j * (n + 1) + i; b = a + 1; c = a + n + 1; d = c + 1
        idx += struct.pack('<6I', a, c, b, b, c, d)
views, blob = [], bytearray()
for data, target in ((pos, 34962), (nrm, 34962), (uv, 34962), (idx, 34963)):
    views.append({"buffer": 0, "byteOffset": len(blob), "byteLength": len(data), "target": target})
    blob += data
doc = {
    "asset": {"version": "2.0", "generator": "oyster bench grid"},
    "scene": 0, "scenes": [{"nodes": [0]}], "nodes": [{"mesh": 0}],
    "meshes": [{"primitives": [{"attributes": {"POSITION": 0, "NORMAL": 1, "TEXCOORD_0": 2}, "indices": 3}]}],
    "accessors": [
        {"bufferView": 0, "componentType": 5126, "count": verts, "type": "VEC3", "min": [0, 0, 0], "max": [1, 0, 1]},
        {"bufferView": 1, "componentType": 5126, "count": verts, "type": "VEC3"},
        {"bufferView": 2, "componentType": 5126, "count": verts, "type": "VEC2"},
        {"bufferView": 3, "componentType": 5125, "count": n * n * 6, "type": "SCALAR"},
    ],
    "bufferViews": views, "buffers": [{"byteLength": len(blob)}],
}
js = json.dumps(doc, separators=(",", ":")).encode()
js += b" " * (-len(js) % 4)
blob += b"\0" * (-len(blob) % 4)
with open(out, "wb") as f:
    f.write(struct.pack("<III", 0x46546C67, 2, 12 + 8 + len(js) + 8 + len(blob)))
    f.write(struct.pack("<II", len(js), 0x4E4F534A)); f.write(js)
    f.write(struct.pack("<II", len(blob), 0x004E4942)); f.write(blob)
print(f"{out}: {n * n * 2} triangles, {verts} vertices")

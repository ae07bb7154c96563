#!/usr/bin/env python3
"""Atlas benchmark helper: generates rectangle sets and packs them with rectpack.

  atlas_rectpack.py gen SET SEED OUT      writes `w h` lines for a named set
  atlas_rectpack.py pack SIZES MAXSIZE    packs with rectpack MaxRects-BSSF, prints JSON
  atlas_rectpack.py images SIZES DIR      writes a noise PNG per size (needs Pillow)
  atlas_rectpack.py verify DIR OUT [EXTRUDE]  checks every frame of OUT/atlas-*.json against DIR

rectpack's pages are cropped to their content (bounding box of placed rectangles) so its
occupancy is comparable with a packer that shrinks its pages.
"""
import json
import random
import sys
import time


def gen(name, seed):
    rng = random.Random(f"{name}-{seed}")
    if name == "mixed":  # mixed sprite sizes
        return [(rng.randint(8, 256), rng.randint(8, 256)) for _ in range(300)]
    if name == "icons":  # many small icons of a few standard sizes plus odd ones
        return [(s, s) for s in (rng.choice([16, 24, 32, 48, 64]) for _ in range(900))] + \
               [(rng.randint(10, 40), rng.randint(10, 40)) for _ in range(300)]
    if name == "strips":  # long thin strips, both ways
        out = []
        for _ in range(200):
            a, b = rng.randint(100, 900), rng.randint(4, 32)
            out.append((a, b) if rng.random() < 0.5 else (b, a))
        return out
    if name == "bigsmall":  # a few big images and many small
        return [(rng.randint(300, 900), rng.randint(300, 900)) for _ in range(6)] + \
               [(rng.randint(8, 64), rng.randint(8, 64)) for _ in range(700)]
    if name == "tenk":  # 10,000 rectangles for timing
        return [(rng.randint(4, 40), rng.randint(4, 40)) for _ in range(10000)]
    raise SystemExit(f"unknown set {name}")


def pack(path, maxsize):
    import rectpack
    sizes = [tuple(map(int, l.split()[:2])) for l in open(path) if l.strip()]
    start = time.perf_counter()
    packer = rectpack.newPacker(mode=rectpack.PackingMode.Offline,
                                bin_algo=rectpack.PackingBin.BFF,
                                pack_algo=rectpack.MaxRectsBssf,
                                sort_algo=rectpack.SORT_AREA, rotation=False)
    for i, (w, h) in enumerate(sizes):
        packer.add_rect(w, h, rid=i)
    area = sum(w * h for w, h in sizes)
    for _ in range(2 * area // (maxsize * maxsize) + 2):  # enough bins for these sets
        packer.add_bin(maxsize, maxsize)
    packer.pack()
    ms = (time.perf_counter() - start) * 1000
    page_area = 0
    used = 0
    pages = 0
    for b in packer:
        if not len(b):
            continue
        pages += 1
        right = max(r.x + r.width for r in b)
        top = max(r.y + r.height for r in b)
        page_area += right * top
        used += sum(r.width * r.height for r in b)
    if sum(len(b) for b in packer) != len(sizes):
        raise SystemExit("rectpack left rectangles unpacked")
    print(json.dumps({"rects": len(sizes), "pages": pages, "used": used, "pageArea": page_area,
                      "occupancy": round(used / page_area, 4) if page_area else 0, "ms": round(ms, 2)}))


def images(path, folder):
    import os
    from PIL import Image
    os.makedirs(folder, exist_ok=True)
    rng = random.Random(path)
    for i, line in enumerate(l for l in open(path) if l.strip()):
        w, h = map(int, line.split()[:2])
        im = Image.frombytes("RGBA", (w, h), bytes(rng.getrandbits(8) for _ in range(w * h * 4)))
        im.save(os.path.join(folder, f"s{i:05d}.png"))


def verify(folder, out, extrude=0):
    """Every frame equals its source (rotated frames turned back); with extrude, the pixels just
    outside each frame repeat its edge. Prints a JSON summary; exits 1 on any mismatch."""
    import glob
    import os
    from PIL import Image
    bad = frames = rotated = 0
    for manifest in sorted(glob.glob(os.path.join(out, "atlas-*.json"))):
        doc = json.load(open(manifest))
        page = Image.open(os.path.join(out, doc["meta"]["image"])).convert("RGBA")
        assert page.size == (doc["meta"]["size"]["w"], doc["meta"]["size"]["h"])
        for name, f in doc["frames"].items():
            frames += 1
            src = Image.open(os.path.join(folder, name)).convert("RGBA")
            x, y, w, h = (f["frame"][k] for k in "xywh")
            box = (x, y, x + h, y + w) if f["rotated"] else (x, y, x + w, y + h)
            region = page.crop(box)
            if f["rotated"]:
                rotated += 1
                region = region.transpose(Image.Transpose.ROTATE_90)  # counter-clockwise undoes clockwise
            if region.tobytes() != src.tobytes():
                bad += 1
                continue
            if extrude:
                # The columns and rows just outside the frame repeat its edge.
                fw, fh = region.size if not f["rotated"] else (h, w)
                placed = page.crop(box)
                sides = [((x - 1, y, x, y + fh), placed.crop((0, 0, 1, fh))),
                         ((x + fw, y, x + fw + 1, y + fh), placed.crop((fw - 1, 0, fw, fh))),
                         ((x, y - 1, x + fw, y), placed.crop((0, 0, fw, 1))),
                         ((x, y + fh, x + fw, y + fh + 1), placed.crop((0, fh - 1, fw, fh)))]
                if any(page.crop(outside).tobytes() != edge.tobytes() for outside, edge in sides):
                    bad += 1
    print(json.dumps({"frames": frames, "rotated": rotated, "mismatches": bad}))
    sys.exit(1 if bad or not frames else 0)


if __name__ == "__main__":
    if len(sys.argv) >= 5 and sys.argv[1] == "gen":
        with open(sys.argv[4], "w") as f:
            for w, h in gen(sys.argv[2], sys.argv[3]):
                f.write(f"{w} {h}\n")
    elif len(sys.argv) >= 4 and sys.argv[1] == "images":
        images(sys.argv[2], sys.argv[3])
    elif len(sys.argv) >= 4 and sys.argv[1] == "verify":
        verify(sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 0)
    elif len(sys.argv) >= 4 and sys.argv[1] == "pack":
        pack(sys.argv[2], int(sys.argv[3]))
    else:
        raise SystemExit(__doc__)

#!/usr/bin/env python3
"""Regenerates the image fixtures of OysterImageTests (run from this folder).

Every image is built from a known pixel pattern that the Swift tests recompute
(Tests/OysterImageTests/FixturePatterns.swift). PNGs come from a tiny writer
here, so color type, bit depth, tRNS and Adam7 interlacing are exact; JPEGs come
from Pillow. Malformed files are derived from the good ones.
"""
import struct
import zlib
from PIL import Image

W, H = 8, 6

# MARK: - Patterns (mirrored in FixturePatterns.swift)

def rgba8(x, y):
    return ((x * 32 + y * 8) & 255, (y * 40 + 3) & 255, (x * y * 7) & 255, (x + y) * 20 & 255)

def gray8(x, y):
    return (x * 30 + y * 10) & 255

def rgb16(x, y):
    return ((x * 4000 + y * 700) & 65535, (y * 9000 + 5) & 65535, (x * y * 1111) & 65535)

PALETTE = [(255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 0)]
PALETTE_ALPHA = [255, 128, 0, 64]

def palette_index(x, y):
    return (x + y) % 4

def gray2(x, y):   # 2-bit gray, 0..3
    return (x + 2 * y) % 4

# MARK: - Minimal PNG writer

def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

def pack_row(samples, depth):
    if depth == 8:
        return bytes(samples)
    if depth == 16:
        return b"".join(struct.pack(">H", s) for s in samples)
    out, acc, bits = bytearray(), 0, 0
    for s in samples:
        acc = (acc << depth) | s
        bits += depth
        if bits == 8:
            out.append(acc); acc, bits = 0, 0
    if bits:
        out.append(acc << (8 - bits))
    return bytes(out)

ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]

def png(path, width, height, color_type, depth, pixel, extra=b"", interlace=False):
    """pixel(x, y) returns the tuple of samples for that pixel."""
    raw = bytearray()
    if interlace:
        for x0, y0, dx, dy in ADAM7:
            xs = list(range(x0, width, dx))
            for y in range(y0, height, dy):
                if xs:
                    raw.append(0)
                    raw += pack_row([s for x in xs for s in pixel(x, y)], depth)
    else:
        for y in range(height):
            raw.append(0)
            raw += pack_row([s for x in range(width) for s in pixel(x, y)], depth)
    ihdr = struct.pack(">IIBBBBB", width, height, depth, color_type, 0, 0, 1 if interlace else 0)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + extra + chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b"")
    open(path, "wb").write(data)
    return data

# MARK: - Good PNGs

png("gray8.png", W, H, 0, 8, lambda x, y: (gray8(x, y),))
png("gray2.png", W, H, 0, 2, lambda x, y: (gray2(x, y),))
png("gray_alpha8.png", W, H, 4, 8, lambda x, y: (gray8(x, y), rgba8(x, y)[3]))
png("rgb8.png", W, H, 2, 8, lambda x, y: rgba8(x, y)[:3])
rgba = png("rgba8.png", W, H, 6, 8, lambda x, y: rgba8(x, y))
png("palette_trns.png", W, H, 3, 8, lambda x, y: (palette_index(x, y),),
    extra=chunk(b"PLTE", bytes(c for rgb in PALETTE for c in rgb)) + chunk(b"tRNS", bytes(PALETTE_ALPHA)))
png("rgb16.png", W, H, 2, 16, lambda x, y: rgb16(x, y))
png("gray_trns.png", W, H, 0, 8, lambda x, y: (gray8(x, y),), extra=chunk(b"tRNS", struct.pack(">H", gray8(2, 1))))
png("rgba8_interlaced.png", W, H, 6, 8, lambda x, y: rgba8(x, y), interlace=True)
png("gray_alpha16.png", W, H, 4, 16, lambda x, y: (gray8(x, y) * 257 + 1, rgb16(x, y)[0]))
png("palette1_interlaced.png", W, H, 3, 1, lambda x, y: ((x + y) % 2,),
    extra=chunk(b"PLTE", bytes([10, 20, 30, 200, 210, 220])), interlace=True)
png("rgb16_interlaced.png", W, H, 2, 16, lambda x, y: rgb16(x, y), interlace=True)

# MARK: - Good JPEGs: 16×16 solid blocks in a 32×32 image, so compression error stays small

BLOCK_COLORS = [(200, 30, 40), (20, 180, 60), (40, 60, 220), (240, 240, 240)]
BLOCK_GRAYS = [20, 90, 160, 240]
BLOCK_CMYK = [(0, 200, 200, 0), (200, 0, 200, 30), (200, 200, 0, 60), (0, 0, 0, 0)]

def blocks(mode, values):
    image = Image.new(mode, (32, 32))
    for i, value in enumerate(values):
        bx, by = (i % 2) * 16, (i // 2) * 16
        image.paste(value, (bx, by, bx + 16, by + 16))
    return image

blocks("RGB", BLOCK_COLORS).save("rgb.jpg", quality=92)
blocks("L", BLOCK_GRAYS).save("gray.jpg", quality=92)
blocks("RGB", BLOCK_COLORS).save("progressive.jpg", quality=92, progressive=True)
blocks("CMYK", BLOCK_CMYK).save("cmyk.jpg", quality=95)
# 32×16 stored, left half red and right half blue, EXIF orientation 6 (shown rotated 90° clockwise).
sideways = Image.new("RGB", (32, 16), (220, 20, 20))
sideways.paste((20, 20, 220), (16, 0, 32, 16))
exif = Image.Exif()
exif[0x0112] = 6
sideways.save("exif_orientation6.jpg", quality=92, exif=exif.tobytes())

# MARK: - Malformed

# Ancillary chunks with bad CRCs are dropped, as libpng and browsers do; the image still decodes.
def bad_crc_chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", (zlib.crc32(body) ^ 1) & 0xFFFFFFFF)
open("bad_ancillary_crc.png", "wb").write(rgba[:33] + bad_crc_chunk(b"tEXt", b"Comment\0hello")
                                           + bad_crc_chunk(b"gAMA", struct.pack(">I", 45455)) + rgba[33:])
open("truncated.png", "wb").write(rgba[: len(rgba) // 2])
bad_crc = bytearray(rgba)
idat = bad_crc.find(b"IDAT")
length = struct.unpack(">I", bad_crc[idat - 4: idat])[0]
bad_crc[idat + 4 + length] ^= 0xFF           # first byte of the IDAT CRC
open("bad_crc.png", "wb").write(bytes(bad_crc))
jpeg = open("rgb.jpg", "rb").read()
open("truncated.jpg", "wb").write(jpeg[: len(jpeg) // 2])
open("empty.png", "wb").write(b"")
# Valid chunks declaring 100000×100000 RGBA: 40 GB if anyone believed it.
ihdr = struct.pack(">IIBBBBB", 100000, 100000, 8, 6, 0, 0, 0)
open("huge_dimensions.png", "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
                                        + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b""))
zero = struct.pack(">IIBBBBB", 0, 4, 8, 6, 0, 0, 0)
open("zero_width.png", "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", zero) + chunk(b"IEND", b""))
# JPEG whose SOF0 claims 60000×60000.
sof = jpeg.find(b"\xff\xc0")
huge_jpeg = bytearray(jpeg)
huge_jpeg[sof + 5: sof + 9] = struct.pack(">HH", 60000, 60000)
open("huge_dimensions.jpg", "wb").write(bytes(huge_jpeg))
state = 12345
garbage = bytearray()
for _ in range(300):   # deterministic LCG noise
    state = (state * 1103515245 + 12345) & 0x7FFFFFFF
    garbage.append(state >> 16 & 255)
open("garbage.bin", "wb").write(bytes(garbage))
# PNG signature followed by noise.
open("garbage_after_signature.png", "wb").write(b"\x89PNG\r\n\x1a\n" + bytes(garbage[:100]))

// OysterImage — module overview.
//
// Pixels for Oyster: PNG and JPEG decoding and encoding over libpng and libjpeg-turbo
// (through the setjmp-safe `CCodecs` shim), conversions of OysterCore's `PixelImage`,
// editing (crop, blit, extrude, fill, flips, rotations), resizing and mipmaps.
//
// ## Decoding
// - `ImageCodec.probe(bytes)` reads only the header: size, channels, bit depth, color model,
//   interlacing, tRNS, EXIF orientation.
// - `ImageCodec.decode(bytes, limits:, reduceTo8Bit:)` checks `ImageLimits` (16384 px per side,
//   256 Mpx by default) and that the file is large enough to hold what it declares, then
//   allocates once and lets libpng/libjpeg write rows straight into the result.
// - PNG: every color type and bit depth; palette and tRNS become RGB(A); 1/2/4-bit gray
//   becomes 8-bit; Adam7 interlacing; 16-bit kept (native-endian `UInt16`) or rounded to 8.
//   gAMA/iCCP/sRGB are ignored (samples are returned as stored); text chunks are skipped.
// - JPEG: gray, YCbCr/RGB, CMYK and YCCK (Adobe-inverted when an APP14 marker is present,
//   converted to RGB as (255−C)(255−K)/255), baseline and progressive. EXIF orientation is
//   reported, not applied (`applyingEXIFOrientation` does that).
// - Errors are `ImageError` values with a `kind` and a one-line `message`
//   (`truncated PNG data`, `bad CRC in IDAT chunk`, `image 100000×100000 exceeds the 16384 px limit`).
//
// ## Encoding
// - `encodePNG(image, compression:)`: 1–4 channels, 8 or 16 bits, zlib level 0–9, no
//   timestamps (same pixels, same bytes).
// - `encodeJPEG(image, quality:, subsampling:, alpha:)`: gray or RGB; 16-bit is reduced;
//   alpha is composited on white by default (`.compositeOnBlack`, `.drop`).
// - `ImageConverter.convert(bytes, to:)` is `oyster-convert`'s PNG⇄JPEG path.
//
// ## Resizing
// `resized(width:height:filter:colorSpace:)` and `mipmapChain(filter:colorSpace:)` filter
// separably in float with premultiplied alpha; `.sRGB` images are linearized first. The
// texture slot decides the color space: `ColorSpace(slot:)`.

// OysterVideo — module overview.
//
// Rendered frames to video files and frame sequences, for `oyster-render`.
//
// - `VideoWriter`: H.264 in MP4 (or MKV), VP9 in WebM, through FFmpeg's libraries (the
//   `CVideo` shim). The H.264 encoder is picked at run time — libx264, then libopenh264, then
//   any other H.264 encoder that opens — and `encoderName` says which. RGB(A) frames become
//   yuv420p (BT.709, limited range) with swscale. Odd sizes are refused, never padded.
// - `FrameSequenceWriter`: numbered PNGs (`frames/%05d.png`), each written whole.
// - `FrameSink`: what both are, so a tool picks one by output path (`FrameOutput(path:)`,
//   `makeFrameSink(path:options:)`).
// - `PipelinedSink`: any sink on its own thread behind a bounded queue, so rendering and
//   encoding overlap; errors come back on the next `append` or on `finish`.
//
// Guarantees: nothing half-written at the destination (a video goes to a temporary file in
// the destination's folder and is renamed into place by a successful `finish()`; after an
// error or when released unfinished, the temporary file is removed); the same frames and
// `VideoOptions` (threads included) give the same bytes on the same machine; caps of 16384 px
// a side and `VideoOptions.maxFrameLimit` frames; every error is a `VideoError` whose
// `exitStatus` is the tools' exit code (2 usage, 3 no encoder, 4 output not written).

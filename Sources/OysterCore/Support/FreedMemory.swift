#if canImport(Glibc)
import Glibc
#endif

/// Hands memory the process has freed back to the system.
///
/// Why: a streamed world frees a whole tile's geometry, textures and levels at once, on
/// whichever thread last held them. glibc keeps such freed blocks in its per-thread arenas
/// for reuse; the next tiles' blocks rarely fit the same holes, so a long walk's resident
/// memory crept up (a 10-minute walk: +14.8 % over its settled size) though nothing was
/// held. `malloc_trim` gives back every whole free page in every arena; it moves nothing,
/// so it is safe at any time, and it costs a pass over the free lists, so it is called
/// when a tile is dropped, not per frame.
public enum FreedMemory {
    public static func returnToSystem() {
        trim?(0)
    }

    /// glibc's `malloc_trim` (from <malloc.h>, which the Glibc module leaves out), looked up
    /// once; nil elsewhere, where there is nothing to do.
    private static let trim: (@convention(c) (Int) -> Int32)? = {
        #if canImport(Glibc)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
        #else
        return nil
        #endif
    }()
}

import CFuzzerDriver
import Glibc
import OysterFuzzEntries

// libFuzzer runs the loop; each input goes to the entry shared with the regression tests.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    _ = FuzzEntries.glb(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
})

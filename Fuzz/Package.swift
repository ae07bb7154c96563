// swift-tools-version:6.0
// libFuzzer executables for Oyster's readers. A package of its own so the normal build never
// compiles them: built without `-sanitize=fuzzer` they have no `main`. Build and run with
// `make fuzz SECONDS=N` (Linux; see README.md beside this file).
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name (the checkout may be called anything).
let oysterFolder = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent()
let oyster = oysterFolder.lastPathComponent

// One executable per reader; each main.swift only hands libFuzzer's bytes to OysterFuzzEntries.
let targets = ["gltf", "glb", "obj", "mtl", "image", "recipe", "validate"]

let package = Package(
    name: "OysterFuzz",
    dependencies: [.package(path: oysterFolder.path)],
    targets: [.systemLibrary(name: "CFuzzerDriver")] + targets.map { name in
        .executableTarget(
            name: "fuzz-\(name)",
            dependencies: ["CFuzzerDriver", .product(name: "OysterFuzzEntries", package: oyster)],
            path: "Sources/fuzz-\(name)"
        )
    }
)

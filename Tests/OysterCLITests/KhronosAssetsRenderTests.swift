import Foundation
import OysterCore
import OysterGLTF
import OysterRender
import OysterTestSupport
import Testing

/// Every Khronos validator test asset the reader accepts (most are malformed on purpose)
/// renders without a crash, in one renderer: out-of-range indices, missing buffers, odd
/// samplers, bad skins and morph targets are drawn around, never trusted.
@Suite(.enabled(if: (try? Renderer()) != nil, "needs headless OpenGL"))
struct KhronosAssetsRenderTests {
    @Test func everyReadableAssetRendersAFrame() throws {
        try #require(KhronosAssetsConvertTests.assets.count > 200, "the shared conformance folder was not found (OYSTER_SHARED)")
        let renderer = try Renderer()
        var options = RenderOptions(width: 32, height: 24)
        options.time = 0.5
        var rendered = 0
        for asset in KhronosAssetsConvertTests.assets {
            guard let scene = try? GLTFReader().read(path: asset).scene else { continue }
            let image = try renderer.render(renderer.prepare(scene, levelsOfDetail: true), options: options)
            #expect(image.width == 32 && image.height == 24 && image.samples8.count == 32 * 24 * 4, "\(asset)")
            rendered += 1
        }
        #expect(rendered > 150, "\(rendered) assets read and rendered")
    }
}

import Foundation
import OysterTestSupport
import Testing

/// oyster-generate is never silent about a prompt: one stderr line of what was understood and
/// what was not, and --explain lists the words one by one.
@Suite(.serialized) struct NearestMeaningCLITests {
    let tool = RepoPaths.tool("oyster-generate")

    @Test func everyPromptRunPrintsOneLineOfWhatWasUnderstood() throws {
        let run = try ToolRun.run(tool, ["a smartphone by a lake at twilight", "--explain"])
        #expect(run.status == 0)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("oyster-generate: understood: lake, twilight"), "\(run.stderr)")
        #expect(run.stderr.contains("'smartphone' is not something Oyster builds; closest: none"), "\(run.stderr)")
        let quiet = try ToolRun.run(tool, ["a laptop by a lake", "--explain", "-q"])
        #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(quiet.stderr)")
    }

    @Test func explainListsEveryWordAndStillWorksAsARecipe() throws {
        let run = try ToolRun.run(tool, ["a laptop by a lake in the woods", "--explain", "-q"])
        #expect(run.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let words = try #require(json["words"] as? [[String: Any]])
        #expect(words.map { $0["word"] as? String } == ["laptop", "lake", "woods"])
        #expect(words.map { $0["how"] as? String } == ["none", "lexicon", "lexicon"])
        #expect(words[2]["concept"] as? String == "forest")
        #expect(words[0]["concept"] is NSNull)
        // The explained recipe reads back as a recipe: "words" is provenance.
        let file = NSTemporaryDirectory() + "explained-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: file) }
        try run.stdout.write(toFile: file, atomically: true, encoding: .utf8)
        let again = try ToolRun.run(tool, ["--recipe", file, "--explain", "-q"])
        #expect(again.status == 0, "\(again.stderr)")
    }

    @Test func nonsenseGetsNothingUnderstoodTheDefaultWorldAndExitZero() throws {
        let run = try ToolRun.run(tool, ["xyzzy blorf qwzx", "--explain"])
        #expect(run.status == 0)
        #expect(run.stderr.hasPrefix("oyster-generate: warning: nothing understood in the prompt: the default world"), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(run.stdout.contains("\"temperate\""))
    }

    @Test func theLexiconListingNamesEveryConcept() throws {
        let run = try ToolRun.run(tool, ["--dump-lexicon"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("concept\tforest\t") && run.stdout.contains("\nstopword\t"))
    }
}

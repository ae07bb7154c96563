// oyster-validate: validates glTF/GLB, OBJ/MTL and images for people and CI (see issue 4).
import ArgumentParser
import Foundation
import OysterCLI
import OysterCore
import OysterValidate

struct OysterValidateCommand: OysterTool {
    static let toolName = "oyster-validate"
    static let configuration = CommandConfiguration(
        commandName: "oyster-validate",
        abstract: "Validate glTF/GLB (Khronos glTF-Validator codes), OBJ/MTL and PNG/JPEG files.",
        discussion: "Folders are walked recursively. Exit status: 0 no issue at or above --fail-on; 1 issues found; 2 usage error; 3 unreadable input."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, junit, github }
    enum FailOn: String, ExpressibleByArgument, CaseIterable { case error, warning, info }

    @Option(help: "Output format: text, json (Khronos report shape), junit or github.")
    var format: Format = .text
    @Option(help: "Configuration file (JSON or YAML): ignore, override, max_issues.")
    var config: String?
    @Option(name: .customLong("max-issues"), help: "List at most N issues per file (default 100; 0 = all); every issue is still counted.")
    var maxIssues: Int?
    @Option(name: .customLong("fail-on"), help: "Lowest severity that fails: error, warning or info.")
    var failOn: FailOn = .error
    // `.unconditional`: so `--shard -1/4` reaches the range check instead of reading as an option.
    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp(
        "Validate only shard K of N (0 ≤ K < N): of the files in report order (arguments in order, each folder's files sorted by "
            + "their path inside it), those whose index is K mod N. N runs with the same arguments cover every file once.",
        valueName: "K/N"))
    var shard: String?
    @Flag(name: .shortAndLong, help: "Print no summary line.")
    var quiet = false
    @Flag(help: .hidden)
    var timing = false
    @Argument(help: "Files or folders to validate.")
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one file or folder") }
        if let m = maxIssues, m < 0 { throw ValidationError("--max-issues must be 0 or more") }
    }

    func run() throws {
        let share = try shard.map { try Shard(parsing: $0) } ?? .whole
        var options = ValidationOptions()
        if let config {
            guard let bytes = try? FileIO.read(config, limit: 16 << 20), let text = String(validating: bytes, as: UTF8.self) else {
                throw ToolFailure.usage("\(config): cannot read configuration file")
            }
            do { try options.apply(configText: text) } catch { throw ToolFailure.usage("\(config): \(error.description)") }
        }
        if let maxIssues { options.maxIssues = maxIssues }
        let threshold: Severity = failOn == .error ? .error : failOn == .warning ? .warning : .information

        let all = collectInputs(paths)
        if all.isEmpty { throw ToolFailure(.unreadableInput, "no supported files found in \(paths.joined(separator: " "))") }
        // A shard takes every N-th file of the whole list (see `Shard`): round-robin, so a
        // folder of large files is spread over all shards instead of landing on one. Every
        // shard lists the same tree the same way, so the shares are disjoint and cover it.
        // A share may be empty (more shards than files): that is an empty report, not an error.
        let inputs = share.share(of: all)
        var reports: [ValidationReport] = []
        var unreadable = false
        let clock = ContinuousClock()
        let started = clock.now
        let results = validateAll(inputs, options: options)
        if timing {
            let elapsed = clock.now - started
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let bytes = inputs.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
            FileHandle.standardError.write(Data(String(format: "oyster-validate: validated %d bytes in %.1f ms (%.0f MB/s)\n", bytes, seconds * 1000, Double(bytes) / seconds / 1e6).utf8))
        }
        for r in results {
            switch r {
            case .success(let rep): reports.append(rep)
            case .failure(let e):
                unreadable = true
                FileHandle.standardError.write(Data("oyster-validate: error: \(e.path): \(e.reason)\n".utf8))
            }
        }
        let out: String
        switch format {
        // One file alone gives the Khronos single-report object; a shard always gives an array,
        // so the N shards' outputs have one shape whatever their share.
        case .json: out = shard == nil && reports.count == 1 && inputs.count == 1 ? reports[0].jsonText() : jsonText(of: reports)
        case .text: out = textReport(reports, color: isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
        case .junit: out = junitReport(reports, failOn: threshold)
        case .github: out = githubReport(reports)
        }
        FileHandle.standardOutput.write(Data((out.hasSuffix("\n") || out.isEmpty ? out : out + "\n").utf8))
        let failing = reports.filter { $0.hasIssues(atOrAbove: threshold) }.count
        if !quiet {
            let e = reports.reduce(0) { $0 + $1.numErrors }, w = reports.reduce(0) { $0 + $1.numWarnings }
            let i = reports.reduce(0) { $0 + $1.numInfos }, h = reports.reduce(0) { $0 + $1.numHints }
            let summary = "oyster-validate: \(reports.count) file(s), \(failing) failing; \(e) errors, \(w) warnings, \(i) infos, \(h) hints\n"
            // The summary goes to stderr for machine formats so stdout stays parseable.
            if format == .text { FileHandle.standardOutput.write(Data(summary.utf8)) } else { FileHandle.standardError.write(Data(summary.utf8)) }
        }
        if unreadable { throw ExitCode(3) }
        if failing > 0 { throw ExitCode(1) }
    }
}

OysterValidateCommand.runAsTool()

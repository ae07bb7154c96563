import Foundation
import OysterTestSupport
import Testing

/// python3 with PyYAML, to read the manifests as YAML (`make client-deps` installs it).
let yamlReaderAvailable: Bool = {
    guard let run = try? ToolRun.run("/usr/bin/env", ["python3", "-c", "import yaml"]) else { return false }
    return run.status == 0
}()

/// The example manifests in deploy/ (deploy/README.md) read as YAML and checked against the
/// tools: the Kubernetes Jobs and the GitHub Actions matrix pass `--shard K/N` with N equal to
/// their number of completions or matrix entries, and with their own arguments every shard
/// is accepted (under the per-run tile cap) and the shards list each tile of the block once.
@Suite(.serialized, .enabled(if: yamlReaderAvailable, "needs python3 with PyYAML (make client-deps)"))
struct ScaleOutManifestTests {
    let generate = RepoPaths.tool("oyster-generate")
    let validate = RepoPaths.tool("oyster-validate")
    let deploy = RepoPaths.root + "/deploy"

    /// The documents of a YAML file as JSON values (PyYAML reads, JSON carries them over).
    func documents(_ path: String) throws -> [[String: Any]] {
        let script = "import json, sys, yaml; print(json.dumps(list(yaml.safe_load_all(open(sys.argv[1])))))"
        let run = try ToolRun.run("/usr/bin/env", ["python3", "-c", script, path])
        try #require(run.status == 0, "\(path) is not valid YAML: \(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
    }

    func value(_ object: Any?, _ path: String) -> Any? {
        var current = object
        for key in path.split(separator: ".") {
            if let i = Int(key) { current = (current as? [Any]).flatMap { i < $0.count ? $0[i] : nil } } else { current = (current as? [String: Any])?[String(key)] }
        }
        return current
    }

    /// The value after `flag` in an argument list (`--flag value` or `--flag=value`).
    func argument(_ flag: String, in args: [String]) -> String? {
        if let i = args.firstIndex(of: flag), i + 1 < args.count { return args[i + 1] }
        return args.first { $0.hasPrefix(flag + "=") }.map { String($0.dropFirst(flag.count + 1)) }
    }

    /// The tile count of a `X0,Z0:X1,Z1` block.
    func tileCount(_ block: String) throws -> Int {
        let n = block.split(whereSeparator: { $0 == "," || $0 == ":" }).compactMap { Int($0) }
        try #require(n.count == 4, "bad block \(block)")
        return (n[2] - n[0] + 1) * (n[3] - n[1] + 1)
    }

    /// Runs `--dry-run` for shards 0..<n with the manifest's own arguments (`args(k)`): every
    /// shard must be accepted, and together they must list each tile of the block once.
    func expectShardsCover(block: String, n: Int, _ args: (Int) -> [String]) throws {
        var listed: [String] = []
        for k in 0..<n {
            let run = try ToolRun.run(generate, args(k) + ["--dry-run"])
            #expect(run.status == 0, "shard \(k)/\(n): \(run.stderr)")
            listed += run.stdout.split(separator: "\n").map(String.init)
        }
        #expect(listed.count == (try tileCount(block)))
        #expect(Set(listed).count == listed.count, "a tile is in two shards")
    }

    @Test func theKubernetesBakeJobShardsTheBlockByCompletionIndex() throws {
        let job = try #require(try documents(deploy + "/k8s/bake-job.yaml").first)
        let volume = try #require(try documents(deploy + "/k8s/bake-volume.yaml").first)
        #expect(job["kind"] as? String == "Job" && value(job, "apiVersion") as? String == "batch/v1")
        #expect(value(job, "spec.completionMode") as? String == "Indexed")
        let n = try #require(value(job, "spec.completions") as? Int)
        let parallelism = try #require(value(job, "spec.parallelism") as? Int)
        #expect(parallelism >= 1 && parallelism <= n)
        let container = try #require(value(job, "spec.template.spec.containers.0") as? [String: Any])
        #expect(container["command"] as? [String] == ["oyster-generate"])
        let args = try #require(container["args"] as? [String])
        #expect(argument("--shard", in: args) == "$(JOB_COMPLETION_INDEX)/\(n)", "--shard must be $(JOB_COMPLETION_INDEX)/completions")
        let env = container["env"] as? [[String: Any]] ?? []
        #expect(env.contains { $0["name"] as? String == "JOB_COMPLETION_INDEX"
            && value($0, "valueFrom.fieldRef.fieldPath") as? String == "metadata.annotations['batch.kubernetes.io/job-completion-index']" })
        // The output is on the shared volume, and that volume is the ReadWriteMany claim.
        let output = try #require(argument("-o", in: args))
        let mount = try #require(value(container, "volumeMounts.0") as? [String: Any])
        let mountPath = try #require(mount["mountPath"] as? String)
        #expect(output.hasPrefix(mountPath + "/") && output.hasSuffix(".glb"))
        let volumes = value(job, "spec.template.spec.volumes") as? [[String: Any]] ?? []
        let claim = volumes.first { $0["name"] as? String == mount["name"] as? String }.flatMap { value($0, "persistentVolumeClaim.claimName") as? String }
        #expect(volume["kind"] as? String == "PersistentVolumeClaim" && claim != nil && claim == value(volume, "metadata.name") as? String)
        #expect((value(volume, "spec.accessModes") as? [String])?.contains("ReadWriteMany") == true)
        // Its own arguments, shard by shard (the 10 km block: 157 x 157 tiles).
        let block = try #require(argument("--chunks", in: args))
        #expect(try tileCount(block) == 157 * 157)
        try expectShardsCover(block: block, n: n) { k in args.map { $0.replacingOccurrences(of: "$(JOB_COMPLETION_INDEX)", with: "\(k)") } }
    }

    @Test func theKubernetesValidateJobShardsTheBakedTree() throws {
        let bake = try #require(try documents(deploy + "/k8s/bake-job.yaml").first)
        let job = try #require(try documents(deploy + "/k8s/validate-job.yaml").first)
        #expect(value(job, "spec.completionMode") as? String == "Indexed")
        let n = try #require(value(job, "spec.completions") as? Int)
        let container = try #require(value(job, "spec.template.spec.containers.0") as? [String: Any])
        #expect(container["command"] as? [String] == ["sh", "-c"])
        let script = try #require((container["args"] as? [String])?.first)
        let bakeArgs = try #require(value(bake, "spec.template.spec.containers.0.args") as? [String])
        let tiles = ((try #require(argument("-o", in: bakeArgs))) as NSString).deletingLastPathComponent
        #expect(script.contains("oyster-validate --shard \"$JOB_COMPLETION_INDEX/\(n)\""), "\(script)")
        #expect(script.contains(" \(tiles)\n") || script.contains(" \(tiles) "), "validates \(tiles), the bake's folder")
        // The script itself, run on a small tree baked into a folder standing for the volume:
        // its shards exit 0 and their JUnit reports name every file once.
        let root = TemporaryDirectory("oyster-validate-job")
        let recipe = root.file("small.json")
        try "{\"seed\": 3, \"detail\": \"low\", \"textureResolution\": 16}".write(toFile: recipe, atomically: true, encoding: .utf8)
        let baked = try ToolRun.run(generate, ["--recipe", recipe, "--chunks", "0,0:2,1", "--chunk-size", "16", "-o", root.path + "/bake/tiles/chunk.glb", "-q"])
        try #require(baked.status == 0, "\(baked.stderr)")
        let bin = TemporaryDirectory("oyster-validate-job-bin")
        try FileManager.default.createSymbolicLink(atPath: bin.file("oyster-validate"), withDestinationPath: validate)
        let mounted = script.replacingOccurrences(of: "/bake", with: root.path + "/bake")
        var named: [String] = []
        for k in 0..<n {
            let run = try ToolRun.run("/usr/bin/env", ["JOB_COMPLETION_INDEX=\(k)", "PATH=\(bin.path):/usr/bin:/bin", "sh", "-c", mounted])
            #expect(run.status == 0, "validate shard \(k)/\(n): \(run.stderr)")
            let report = try String(contentsOfFile: root.path + "/bake/reports/validate-\(k).xml", encoding: .utf8)
            named += report.components(separatedBy: "<testcase ").dropFirst().compactMap { $0.components(separatedBy: " name=\"").dropFirst().first?.components(separatedBy: "\"").first }
        }
        let whole = try ToolRun.run(validate, ["--format", "json", "-q", root.path + "/bake/tiles"])
        let files = (try JSONSerialization.jsonObject(with: Data(whole.stdout.utf8)) as? [[String: Any]] ?? []).count
        #expect(files == 6 + Set(try FileManager.default.contentsOfDirectory(atPath: root.path + "/bake/tiles/materials").filter { $0.hasSuffix(".png") }).count)
        #expect(named.count == files && Set(named).count == files, "the \(n) reports should name each of the \(files) files once: \(named)")
    }

    @Test func theGitHubWorkflowShardsTheBlockByMatrixIndex() throws {
        let workflow = try #require(try documents(deploy + "/github-actions/bake-world.yml").first)
        let job = try #require(value(workflow, "jobs.bake") as? [String: Any])
        let shards = try #require(value(job, "strategy.matrix.shard") as? [Int])
        let n = shards.count
        #expect(shards == Array(0..<n), "matrix.shard must be 0…N-1")
        let steps = job["steps"] as? [[String: Any]] ?? []
        let bakeStep = try #require(steps.first { ($0["run"] as? String)?.contains("oyster-generate") == true })
        let run = try #require(bakeStep["run"] as? String)
        #expect(run.contains("--shard ${{ matrix.shard }}/${{ strategy.job-total }}"), "\(run)")
        #expect(run.contains("--chunks=\"$CHUNKS\"") && value(bakeStep, "env.CHUNKS") as? String == "${{ inputs.chunks }}")
        #expect(steps.contains { ($0["run"] as? String)?.contains("oyster-validate --format github bake/tiles") == true })
        #expect(steps.contains { value($0, "with.path") as? String == "bake/tiles/" && value($0, "with.name") as? String == "tiles-${{ matrix.shard }}" })
        // PyYAML reads the `on:` key as true (YAML 1.1).
        let trigger = workflow["on"] ?? workflow["true"]
        let inputs = try #require(value(trigger, "workflow_dispatch.inputs") as? [String: Any])
        let block = try #require(value(inputs, "chunks.default") as? String)
        let prompt = try #require(value(inputs, "prompt.default") as? String), seed = try #require(value(inputs, "seed.default") as? String)
        #expect(try tileCount(block) == 157 * 157)
        // strategy.job-total is the matrix size, so shard k of the run is --shard k/n.
        try expectShardsCover(block: block, n: n) { k in [prompt, "--seed", seed, "--chunks=\(block)", "--shard", "\(k)/\(n)", "-o", "bake/tiles/chunk.glb"] }
    }

    @Test func theImageBuildsTheToolsTheJobsRun() throws {
        let dockerfile = try String(contentsOfFile: deploy + "/Dockerfile", encoding: .utf8)
        for product in ["oyster-generate", "oyster-validate"] {
            #expect(dockerfile.contains("--product \(product)") && dockerfile.contains("/out/\(product)"))
        }
        for path in ["/k8s/bake-job.yaml", "/k8s/validate-job.yaml"] {
            let image = value(try documents(deploy + path).first, "spec.template.spec.containers.0.image") as? String
            #expect(image != nil && dockerfile.contains("-t \(image!) "), "\(path): image \(image ?? "none") is not the one deploy/Dockerfile tags")
        }
    }
}

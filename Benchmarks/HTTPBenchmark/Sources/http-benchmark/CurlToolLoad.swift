import Foundation

/// The curl command line tool in parallel mode: `curl --parallel --parallel-max C -K FILE`, where FILE lists the N
/// URLs (each with `output = "/dev/null"`), and `-w` prints each transfer's status and `time_total` to a file.
///
/// Throughput is N over the wall-clock time of the whole process (start-up included); a latency is curl's own
/// `time_total` of a transfer, from its start inside curl to its end.
struct CurlToolLoad: ClientLoad {
    let curl: String
    let url: URL
    let directory: URL

    init(curl: String, url: URL, directory: URL) {
        self.curl = curl
        self.url = url
        self.directory = directory
    }

    func run(requests: Int, concurrency: Int) async throws -> LoadRun {
        let list = directory.appendingPathComponent("curl-\(requests).conf")
        if !FileManager.default.fileExists(atPath: list.path) {
            let entry = "url = \"\(url.absoluteString)\"\noutput = \"/dev/null\"\n"
            try String(repeating: entry, count: requests).write(to: list, atomically: true, encoding: .utf8)
        }
        let timings = directory.appendingPathComponent("curl-timings.txt")
        _ = FileManager.default.createFile(atPath: timings.path, contents: nil)
        let output = try FileHandle(forWritingTo: timings)
        defer { try? output.close() }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: curl)
        process.arguments = ["--silent", "--noproxy", "*", "--parallel", "--parallel-max", "\(concurrency)",
                             "--config", list.path, "--write-out", "%{http_code} %{size_download} %{time_total}\\n"]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let clock = ContinuousClock()
        let cpuBefore = cpuSeconds(children: true)
        let started = clock.now
        // Wait without blocking a thread of the cooperative pool for seconds.
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        let wall = clock.now - started
        let cpu = cpuSeconds(children: true) - cpuBefore
        try output.synchronize()

        let text = try String(contentsOf: timings, encoding: .utf8)
        var latencies: [Double] = []
        var errors = 0
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count == 3, let seconds = Double(fields[2]) else { errors += 1; continue }
            if fields[0] != "200" { errors += 1 }
            latencies.append(seconds)
        }
        errors += max(0, requests - latencies.count - errors)
        let firstError = status == 0 ? nil : "curl exited with status \(status)"
        return LoadRun(requests: requests, errors: errors, firstError: firstError, wall: wall, latencies: latencies,
                       clientCPU: cpu)
    }

    func shutdown() async {}
}

import Dispatch
import Foundation
import TradeCreditHTTP
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `http-benchmark`: throughput and latency of CurlHTTPClient, the curl tool, URLSession and AsyncHTTPClient against
/// one nginx on loopback. See Documentation/Benchmarks.md.
@main
enum HTTPBenchmark {
    static func main() async {
        do {
            guard let options = try BenchmarkOptions.parse(Array(CommandLine.arguments.dropFirst())) else {
                print(BenchmarkOptions.usage)
                return
            }
            try await run(options)
        } catch {
            FileHandle.standardError.write(Data("http-benchmark: \(error)\n".utf8))
            exit(1)
        }
    }

    static func run(_ options: BenchmarkOptions) async throws {
        signal(SIGPIPE, SIG_IGN)
        guard let nginx = locateExecutable("nginx", explicit: options.nginx, candidates: ["/usr/sbin/nginx"]) else {
            throw BenchmarkError("nginx not found (apt-get install nginx-light, or --nginx PATH)")
        }
        var curl: String?
        if options.clients.contains(.curlTool) {
            curl = locateExecutable("curl", explicit: options.curl)
            guard curl != nil else { throw BenchmarkError("curl not found (apt-get install curl, or --curl PATH)") }
        }

        let server = try BenchmarkServer(nginx: nginx)
        defer { server.shutdown() }
        let interrupts = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number)
            source.setEventHandler {
                server.shutdown()
                exit(130)
            }
            source.resume()
            return source
        }

        log("nginx: \(commandOutput(nginx, ["-v"]).trimmingCharacters(in: .whitespacesAndNewlines))")
        if let curl { log("curl tool: \(commandOutput(curl, ["--version"]).split(separator: "\n").first ?? "?")") }
        log("CurlHTTPClient on \(CurlHTTPClient.libcurlVersion)")
        log("server: \(server.url) (\(server.bodySize) bytes), \(ProcessInfo.processInfo.activeProcessorCount) CPUs")

        var rows: [Row] = []
        for concurrency in options.concurrencies {
            let requests = options.requests(at: concurrency)
            for kind in options.clients {
                let load: any ClientLoad = switch kind {
                case .curlHTTPClient:
                    try CurlHTTPClientLoad(url: server.url, bodySize: server.bodySize, concurrency: concurrency)
                case .curlTool:
                    CurlToolLoad(curl: curl!, url: server.url, directory: server.directory)
                case .urlSession:
                    URLSessionLoad(url: server.url, bodySize: server.bodySize, concurrency: concurrency)
                case .asyncHTTPClient:
                    AsyncHTTPClientLoad(url: server.url, bodySize: server.bodySize, concurrency: concurrency)
                }
                if options.warmup > 0 {
                    let warmup = try await load.run(requests: options.warmup, concurrency: concurrency)
                    log("\(kind.title) C=\(concurrency) warm-up: \(describe(warmup))")
                }
                var runs: [LoadRun] = []
                for index in 1...options.runs {
                    let run = try await load.run(requests: requests, concurrency: concurrency)
                    log("\(kind.title) C=\(concurrency) run \(index)/\(options.runs): \(describe(run))")
                    runs.append(run)
                }
                await load.shutdown()
                rows.append(Row(kind: kind, concurrency: concurrency, runs: runs))
            }
        }
        withExtendedLifetime(interrupts) {}
        print(report(rows, options: options))
    }

    struct Row {
        let kind: ClientKind
        let concurrency: Int
        let runs: [LoadRun]
        var median: LoadRun { LoadRun.median(of: runs) }
    }

    static func describe(_ run: LoadRun) -> String {
        var text = "\(format(run.throughput, 0)) req/s, p50 \(format(run.percentile(0.5), 3)) ms, "
            + "p99 \(format(run.percentile(0.99), 3)) ms, \(run.requests) requests in \(format(run.wall.seconds, 2)) s, "
            + "client CPU \(format(run.cpuPerRequest, 1)) µs/request"
        if run.errors > 0 { text += ", \(run.errors) errors (\(run.firstError ?? "?"))" }
        return text
    }

    /// The Markdown table of the median runs, and the ratio CurlHTTPClient / curl tool.
    static func report(_ rows: [Row], options: BenchmarkOptions) -> String {
        var lines = [
            "",
            "Median of \(options.runs) runs (by throughput), after a warm-up of \(options.warmup) requests.",
            "",
            "| client | C | requests | req/s | p50 (ms) | p99 (ms) | client CPU µs/req | errors | req/s of each run |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
        ]
        for row in rows {
            let median = row.median
            let all = row.runs.map { format($0.throughput, 0) }.joined(separator: ", ")
            lines.append("| \(row.kind.title) | \(row.concurrency) | \(median.requests) | \(format(median.throughput, 0)) | "
                + "\(format(median.percentile(0.5), 3)) | \(format(median.percentile(0.99), 3)) | "
                + "\(format(median.cpuPerRequest, 1)) | \(median.errors) | \(all) |")
        }
        lines.append("")
        for concurrency in options.concurrencies {
            func throughput(_ kind: ClientKind) -> Double? {
                rows.first { $0.kind == kind && $0.concurrency == concurrency }?.median.throughput
            }
            guard let ours = throughput(.curlHTTPClient) else { continue }
            if let tool = throughput(.curlTool) {
                lines.append("C=\(concurrency): CurlHTTPClient / curl tool = \(format(ours / tool * 100, 1)) %")
            }
            if let session = throughput(.urlSession) {
                lines.append("C=\(concurrency): CurlHTTPClient / URLSession = \(format(ours / session * 100, 1)) %")
            }
            if let nio = throughput(.asyncHTTPClient) {
                lines.append("C=\(concurrency): CurlHTTPClient / AsyncHTTPClient = \(format(ours / nio * 100, 1)) %")
            }
        }
        return lines.joined(separator: "\n")
    }

    static func format(_ value: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", value) }

    static func log(_ text: String) { FileHandle.standardError.write(Data("\(text)\n".utf8)) }
}

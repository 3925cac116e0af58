import Foundation

/// The command line of `http-benchmark`.
struct BenchmarkOptions {
    /// Requests per measured run at concurrency 1.
    var requestsAtOne = 5_000
    /// Requests per measured run at every other concurrency.
    var requestsParallel = 20_000
    /// The concurrencies to measure.
    var concurrencies = [1, 32]
    /// Measured runs per client and concurrency; the median run (by throughput) is reported.
    var runs = 3
    /// Requests of the warm-up run that precedes the measured runs of each client and concurrency.
    var warmup = 1_000
    /// The clients to measure, in order.
    var clients: [ClientKind] = ClientKind.allCases
    /// The nginx binary (`/usr/sbin/nginx`, else `nginx` on PATH).
    var nginx: String? = nil
    /// The curl command line tool (`curl` on PATH).
    var curl: String? = nil

    static let usage = """
        usage: http-benchmark [options]

        Starts nginx on loopback (plain HTTP, a static 2 KiB JSON file, keep-alive) and, for each client and
        concurrency C, sends N GET requests with C concurrent workers: a warm-up run, then --runs measured runs.
        Prints requests per second, p50 and p99 latency of the median run.

          --requests-c1 N        requests per run at C = 1 (default 5000)
          --requests-c32 N       requests per run at every other C (default 20000)
          --concurrency LIST     comma-separated concurrencies (default 1,32)
          --runs N               measured runs per client and C; the median is reported (default 3)
          --warmup N             requests of the warm-up run (default 1000; 0 for none)
          --clients LIST         among \(ClientKind.allCases.map(\.rawValue).joined(separator: ",")) (default all)
          --nginx PATH           the nginx binary (default /usr/sbin/nginx, else nginx on PATH)
          --curl PATH            the curl tool (default curl on PATH)
          -h, --help             this text
        """

    /// Parses `arguments` (without the program name). - Throws: ``BenchmarkError`` for a bad flag or value.
    static func parse(_ arguments: [String]) throws -> BenchmarkOptions? {
        var options = BenchmarkOptions()
        var remaining = arguments[...]
        func value(_ flag: String) throws -> String {
            guard let value = remaining.popFirst() else { throw BenchmarkError("\(flag) needs a value") }
            return value
        }
        func count(_ flag: String, minimum: Int = 1) throws -> Int {
            let text = try value(flag)
            guard let number = Int(text), number >= minimum else {
                throw BenchmarkError("\(flag): expected an integer ≥ \(minimum), got '\(text)'")
            }
            return number
        }
        while let flag = remaining.popFirst() {
            switch flag {
            case "-h", "--help": return nil
            case "--requests-c1": options.requestsAtOne = try count(flag)
            case "--requests-c32": options.requestsParallel = try count(flag)
            case "--runs": options.runs = try count(flag)
            case "--warmup": options.warmup = try count(flag, minimum: 0)
            case "--concurrency":
                let text = try value(flag)
                let numbers = text.split(separator: ",").compactMap { Int($0) }
                guard !numbers.isEmpty, numbers.count == text.split(separator: ",").count,
                      numbers.allSatisfy({ $0 >= 1 && $0 <= 300 }) else {
                    throw BenchmarkError("--concurrency: expected integers in 1...300 separated by commas, got '\(text)'")
                }
                options.concurrencies = numbers
            case "--clients":
                let text = try value(flag)
                options.clients = try text.split(separator: ",").map { name in
                    guard let kind = ClientKind(rawValue: String(name)) else {
                        throw BenchmarkError("--clients: unknown client '\(name)'; known: "
                            + ClientKind.allCases.map(\.rawValue).joined(separator: ", "))
                    }
                    return kind
                }
            case "--nginx": options.nginx = try value(flag)
            case "--curl": options.curl = try value(flag)
            default: throw BenchmarkError("unknown option '\(flag)' (see --help)")
            }
        }
        return options
    }

    /// Requests per measured run at concurrency `concurrency`.
    func requests(at concurrency: Int) -> Int { concurrency == 1 ? requestsAtOne : requestsParallel }
}

/// The clients the benchmark knows.
enum ClientKind: String, CaseIterable, Sendable {
    case curlHTTPClient = "curlhttpclient"
    case curlTool = "curl-tool"
    case urlSession = "urlsession"
    case asyncHTTPClient = "asynchttpclient"

    var title: String {
        switch self {
        case .curlHTTPClient: "CurlHTTPClient"
        case .curlTool: "curl tool (--parallel)"
        case .urlSession: "URLSession (FoundationNetworking)"
        case .asyncHTTPClient: "AsyncHTTPClient"
        }
    }
}

/// A failure of the benchmark itself (bad flag, a tool missing, nginx not starting), in one line.
struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Finds an executable: `explicit` when given, else the first of `candidates` that exists, else `name` on PATH.
func locateExecutable(_ name: String, explicit: String?, candidates: [String] = []) -> String? {
    let files = FileManager.default
    if let explicit { return files.isExecutableFile(atPath: explicit) ? explicit : nil }
    if let found = candidates.first(where: { files.isExecutableFile(atPath: $0) }) { return found }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin"
    return path.split(separator: ":").map { "\($0)/\(name)" }.first { files.isExecutableFile(atPath: $0) }
}

/// Runs a command to its end and returns what it printed (standard output and error together).
func commandOutput(_ executable: String, _ arguments: [String]) -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    process.standardInput = FileHandle.nullDevice
    do { try process.run() } catch { return "(\(executable) did not start: \(error))" }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

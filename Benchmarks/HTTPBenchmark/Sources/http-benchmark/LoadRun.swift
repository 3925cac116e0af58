#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One measured run: how many requests, how long it took in all, and each request's latency.
struct LoadRun: Sendable {
    let requests: Int
    let errors: Int
    let firstError: String?
    let wall: Duration
    /// Latencies in seconds, sorted.
    let latencies: [Double]
    /// CPU time (user + system) the client spent on the run, in seconds: the benchmark process's own for an
    /// in-process client, the child's for the curl tool. nginx's is not included.
    let clientCPU: Double

    init(requests: Int, errors: Int, firstError: String?, wall: Duration, latencies: [Double], clientCPU: Double) {
        self.requests = requests
        self.errors = errors
        self.firstError = firstError
        self.wall = wall
        self.latencies = latencies.sorted()
        self.clientCPU = clientCPU
    }

    /// Client CPU time per request, in microseconds.
    var cpuPerRequest: Double { clientCPU / Double(requests) * 1e6 }

    /// Successful requests per second of wall-clock time.
    var throughput: Double { Double(requests - errors) / wall.seconds }

    /// The latency at quantile `q` (nearest rank), in milliseconds.
    func percentile(_ q: Double) -> Double {
        guard !latencies.isEmpty else { return .nan }
        let rank = Int((q * Double(latencies.count)).rounded(.up)) - 1
        return latencies[min(max(rank, 0), latencies.count - 1)] * 1000
    }

    /// The run with the median throughput.
    static func median(of runs: [LoadRun]) -> LoadRun {
        runs.sorted { $0.throughput < $1.throughput }[runs.count / 2]
    }
}

extension Duration {
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }
}

/// User + system CPU time so far, in seconds, of this process (`RUSAGE_SELF`) or of its waited-for children
/// (`RUSAGE_CHILDREN`).
func cpuSeconds(children: Bool = false) -> Double {
    var usage = rusage()
    #if canImport(Glibc)
    _ = getrusage((children ? RUSAGE_CHILDREN : RUSAGE_SELF).rawValue, &usage)
    #else
    _ = getrusage(children ? RUSAGE_CHILDREN : RUSAGE_SELF, &usage)
    #endif
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) * 1e-6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// nginx on loopback for the benchmark: plain HTTP, one worker process, keep-alive for 100 000 requests per
/// connection, no access log, no compression, an open-file cache, and one static 2 KiB JSON file. Everything lives in a fresh temporary directory.
final class BenchmarkServer: @unchecked Sendable {
    let directory: URL
    let port: Int
    /// The size of `/data.json`.
    let bodySize: Int
    private let process: Process
    private let lock = NSLock()
    private var stopped = false

    /// The URL of the JSON file.
    var url: URL { URL(string: "http://127.0.0.1:\(port)/data.json")! }

    /// Starts nginx and waits (at most 5 s) until its port accepts connections.
    init(nginx: String, bodySize: Int = 2048) throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("tradecredit-benchmark-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("www"),
                                                withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("tmp"),
                                                withIntermediateDirectories: true)
        self.directory = directory
        self.bodySize = bodySize
        do {
            try Self.json(size: bodySize).write(to: directory.appendingPathComponent("www/data.json"))
            port = try Self.freePort()
            let configuration = directory.appendingPathComponent("nginx.conf")
            try Self.configuration(directory: directory.path, port: port)
                .write(to: configuration, atomically: true, encoding: .utf8)
            process = Process()
            process.executableURL = URL(fileURLWithPath: nginx)
            process.arguments = ["-p", directory.path + "/", "-c", configuration.path,
                                 "-e", directory.appendingPathComponent("error.log").path]
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
        let deadline = ContinuousClock.now + .seconds(5)
        while !Self.accepts(port: port) {
            if !process.isRunning || ContinuousClock.now >= deadline {
                let log = (try? String(contentsOf: directory.appendingPathComponent("error.log"), encoding: .utf8)) ?? ""
                shutdown()
                throw BenchmarkError("nginx did not start: \(log)")
            }
            usleep(10_000)
        }
    }

    deinit { shutdown() }

    /// Stops nginx (SIGTERM, SIGKILL after 3 s), waits for it and removes the directory. Idempotent.
    func shutdown() {
        let first = lock.withLock { () -> Bool in
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        if process.isRunning {
            process.terminate()
            let deadline = ContinuousClock.now + .seconds(3)
            while process.isRunning && ContinuousClock.now < deadline { usleep(10_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    private static func configuration(directory: String, port: Int) -> String {
        // As root, the worker would switch to `nobody`: keep it root so it can read the temporary directory.
        let user = geteuid() == 0 ? "user root;\n" : ""
        return """
            daemon off;
            \(user)worker_processes 1;
            pid \(directory)/nginx.pid;
            error_log \(directory)/error.log warn;
            events { worker_connections 4096; }
            http {
                types { application/json json; }
                default_type application/octet-stream;
                access_log off;
                sendfile on;
                tcp_nodelay on;
                keepalive_requests 100000;
                keepalive_timeout 120s;
                open_file_cache max=16 inactive=600s;
                open_file_cache_valid 600s;
                gzip off;
                client_body_temp_path \(directory)/tmp/body;
                proxy_temp_path \(directory)/tmp/proxy;
                fastcgi_temp_path \(directory)/tmp/fastcgi;
                uwsgi_temp_path \(directory)/tmp/uwsgi;
                scgi_temp_path \(directory)/tmp/scgi;
                server {
                    listen 127.0.0.1:\(port) backlog=4096;
                    root \(directory)/www;
                }
            }

            """
    }

    /// A JSON document of exactly `size` bytes.
    private static func json(size: Int) -> Data {
        var records: [String] = []
        func text(_ padding: Int) -> String {
            "{\"source\":\"benchmark\",\"rates\":[\(records.joined(separator: ","))],\"padding\":\""
                + String(repeating: "x", count: padding) + "\"}"
        }
        while text(0).utf8.count + 40 < size {
            records.append("{\"currency\":\"C\(1000 + records.count)\",\"perEUR\":\"1.\(5000 + records.count)\"}")
        }
        return Data(text(size - text(0).utf8.count).utf8)
    }

    // MARK: Sockets

    /// A port that was free a moment ago (bind 127.0.0.1:0, read it back, close).
    private static func freePort() throws -> Int {
        try withSocket { descriptor in
            var address = loopback(port: 0)
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let ok = withUnsafeMutablePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
                }
            }
            guard ok else { throw BenchmarkError("no free port (errno \(errno))") }
            return Int(UInt16(bigEndian: address.sin_port))
        }
    }

    private static func accepts(port: Int) -> Bool {
        (try? withSocket { descriptor in
            var address = loopback(port: port)
            return withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
                }
            }
        }) ?? false
    }

    private static func withSocket<T>(_ body: (Int32) throws -> T) throws -> T {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw BenchmarkError("socket failed (errno \(errno))") }
        defer { close(descriptor) }
        return try body(descriptor)
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        #if canImport(Darwin)
        address.sin_len = UInt8(MemoryLayout<sockaddr_in>.size)
        #endif
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }
}

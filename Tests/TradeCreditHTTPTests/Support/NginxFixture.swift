import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A real nginx on loopback, for the TLS and HTTP/2 tests: a CA and a server certificate made with the `openssl`
/// command line at test time, an HTTPS listener that offers HTTP/2, a plain HTTP listener, and a few static files.
///
/// Everything lives in a fresh temporary directory (configuration, keys, logs, nginx's temp paths), so nginx runs as
/// root without touching `/var`. Its master process runs in the foreground (`daemon off`), a child of the test
/// process, with one worker; ``shutdown()`` stops it (SIGTERM, then SIGKILL after 3 s) and waits for it to exit.
///
/// Not `master_process off`: a child started from a Swift thread inherits that thread's signal mask, in which SIGTERM
/// may be blocked; nginx's master unblocks the signals it handles (`sigsuspend`), a single process does not.
final class NginxFixture: @unchecked Sendable {
    /// The temporary directory that holds everything.
    let directory: URL
    /// The port of the HTTPS listener (HTTP/2 and HTTP/1.1 by ALPN).
    let httpsPort: Int
    /// The port of the plain HTTP listener.
    let httpPort: Int
    /// The PEM file of the CA that signed the server certificate.
    let caFile: String
    /// The same CA, as PEM text.
    let caPEM: String
    /// The PEM file of a second CA that signed nothing this server presents.
    let unrelatedCAFile: String
    /// The bytes of `/data.json` (2 KiB of JSON, served gzip-compressed to clients that accept it).
    let jsonBody: Data
    /// The bytes of `/large.bin` (64 KiB, not compressible).
    let largeBody: Data

    private let process: Process
    private let lock = NSLock()
    private var stopped = false

    /// Makes the certificates, writes the configuration and files, starts nginx and waits (at most 5 s) until both
    /// ports accept connections. - Throws: ``NginxFixtureError`` with nginx's or openssl's own message.
    init() throws {
        guard let nginx = Self.nginxPath, let openssl = Self.opensslPath else {
            throw NginxFixtureError(Self.unavailableReason)
        }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("tradecredit-nginx-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("www"),
                                                withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("tmp"),
                                                withIntermediateDirectories: true)
        self.directory = directory
        do {
            try Self.makeCertificates(openssl: openssl, in: directory)
            jsonBody = Self.makeJSON(size: 2048)
            largeBody = Self.makeBytes(count: 64 * 1024)
            try jsonBody.write(to: directory.appendingPathComponent("www/data.json"))
            try largeBody.write(to: directory.appendingPathComponent("www/large.bin"))
            caFile = directory.appendingPathComponent("ca.pem").path
            caPEM = try String(contentsOfFile: caFile, encoding: .utf8)
            unrelatedCAFile = directory.appendingPathComponent("unrelated-ca.pem").path
            httpsPort = try Self.freePort()
            httpPort = try Self.freePort(excluding: [httpsPort])
            let configuration = Self.configuration(directory: directory.path, httpsPort: httpsPort, httpPort: httpPort)
            let configurationFile = directory.appendingPathComponent("nginx.conf")
            try configuration.write(to: configurationFile, atomically: true, encoding: .utf8)

            process = Process()
            process.executableURL = URL(fileURLWithPath: nginx)
            process.arguments = ["-p", directory.path + "/", "-c", configurationFile.path,
                                 "-e", directory.appendingPathComponent("error.log").path]
            process.currentDirectoryURL = directory
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
        do {
            try waitUntilAccepting(timeout: .seconds(5))
        } catch {
            shutdown()
            throw error
        }
    }

    deinit { shutdown() }

    /// Stops nginx (SIGTERM, SIGKILL after 3 s), waits for it to exit and removes the directory. Idempotent.
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

    /// Whether the nginx process is still alive.
    var isRunning: Bool { process.isRunning }

    /// `https://HOST:PORT/path` on the HTTPS listener.
    func httpsURL(_ path: String, host: String = "localhost") -> URL {
        URL(string: "https://\(host):\(httpsPort)\(path)")!
    }

    /// `http://127.0.0.1:PORT/path` on the plain listener.
    func httpURL(_ path: String) -> URL {
        URL(string: "http://127.0.0.1:\(httpPort)\(path)")!
    }

    /// One line of nginx's access log.
    struct AccessLogEntry: Equatable {
        /// nginx's serial number of the connection that carried the request (`$connection`).
        let connection: Int
        /// `HTTP/1.1` or `HTTP/2.0`.
        let serverProtocol: String
        let status: Int
        /// The path and query.
        let uri: String
    }

    /// The access log so far (nginx writes each line as the request ends).
    func accessLog() -> [AccessLogEntry] {
        let path = directory.appendingPathComponent("access.log").path
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count == 4, let connection = Int(fields[0]), let status = Int(fields[2]) else { return nil }
            return AccessLogEntry(connection: connection, serverProtocol: String(fields[1]), status: status,
                                  uri: String(fields[3]))
        }
    }

    /// nginx's error log (for failure messages).
    func errorLog() -> String {
        (try? String(contentsOfFile: directory.appendingPathComponent("error.log").path, encoding: .utf8)) ?? ""
    }

    // MARK: Availability

    /// The nginx binary: `$TRADECREDIT_NGINX` when set, else `/usr/sbin/nginx`, else `nginx` on `PATH`.
    static let nginxPath: String? = {
        if let override = ProcessInfo.processInfo.environment["TRADECREDIT_NGINX"], !override.isEmpty {
            return FileManager.default.isExecutableFile(atPath: override) ? override : nil
        }
        if FileManager.default.isExecutableFile(atPath: "/usr/sbin/nginx") { return "/usr/sbin/nginx" }
        return executableOnPath("nginx")
    }()

    /// The `openssl` command line tool on `PATH`.
    static let opensslPath: String? = executableOnPath("openssl")

    /// Whether nginx and openssl are both installed.
    static var isAvailable: Bool { nginxPath != nil && opensslPath != nil }

    /// Whether the environment demands the nginx tests run (`TRADECREDIT_REQUIRE_NGINX=1`, set by `.ci/run`): then a
    /// missing nginx is a failure, not a skipped test.
    static var isRequired: Bool { ProcessInfo.processInfo.environment["TRADECREDIT_REQUIRE_NGINX"] == "1" }

    /// Why the fixture cannot start, in one sentence.
    static var unavailableReason: String {
        var missing: [String] = []
        if nginxPath == nil { missing.append("nginx (/usr/sbin/nginx or on PATH, or $TRADECREDIT_NGINX)") }
        if opensslPath == nil { missing.append("openssl (on PATH)") }
        return "the TLS and HTTP/2 tests need \(missing.joined(separator: " and ")); "
            + "install them with Scripts/install-system-packages (Debian packages nginx-light and openssl)"
    }

    private static func executableOnPath(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// A host name other than `localhost` that `/etc/hosts` maps to 127.0.0.1 (so it reaches this server) but that
    /// the server certificate does not name: `localhost.localdomain` when listed, else another alias, else `nil`.
    static let hostNameNotInCertificate: String? = {
        guard let hosts = try? String(contentsOfFile: "/etc/hosts", encoding: .utf8) else { return nil }
        var names: [String] = []
        for line in hosts.split(separator: "\n") {
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let fields = content.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard fields.count >= 2, fields[0] == "127.0.0.1" else { continue }
            names += fields.dropFirst().filter { $0.lowercased() != "localhost" }
        }
        if names.contains("localhost.localdomain") { return "localhost.localdomain" }
        return names.first
    }()

    // MARK: Set-up steps

    private func waitUntilAccepting(timeout: Duration) throws {
        let deadline = ContinuousClock.now + timeout
        while true {
            if !process.isRunning {
                throw NginxFixtureError("nginx exited at start (status \(process.terminationStatus)): \(errorLog())")
            }
            if Self.accepts(port: httpsPort) && Self.accepts(port: httpPort) { return }
            if ContinuousClock.now >= deadline {
                throw NginxFixtureError("nginx did not accept connections within \(timeout): \(errorLog())")
            }
            usleep(10_000)
        }
    }

    private static func configuration(directory: String, httpsPort: Int, httpPort: Int) -> String {
        // As root, the worker would switch to `nobody`, which may not read the temporary directory: keep it root.
        let user = geteuid() == 0 ? "user root;\n" : ""
        return """
        daemon off;
        \(user)worker_processes 1;
        pid \(directory)/nginx.pid;
        error_log \(directory)/error.log warn;
        events { worker_connections 512; }
        http {
            types { application/json json; application/octet-stream bin; }
            default_type application/octet-stream;
            log_format fixture '$connection $server_protocol $status $request_uri';
            access_log \(directory)/access.log fixture;
            client_body_temp_path \(directory)/tmp/body;
            proxy_temp_path \(directory)/tmp/proxy;
            fastcgi_temp_path \(directory)/tmp/fastcgi;
            uwsgi_temp_path \(directory)/tmp/uwsgi;
            scgi_temp_path \(directory)/tmp/scgi;
            gzip on;
            gzip_types application/json;
            gzip_min_length 256;
            keepalive_requests 10000;
            server {
                listen 127.0.0.1:\(httpsPort) ssl http2;
                listen 127.0.0.1:\(httpPort);
                server_name localhost;
                ssl_certificate \(directory)/server.pem;
                ssl_certificate_key \(directory)/server.key;
                root \(directory)/www;
            }
        }

        """
    }

    /// A CA, a server certificate for `localhost` and `127.0.0.1` signed by it, and an unrelated CA; EC P-256 keys.
    private static func makeCertificates(openssl: String, in directory: URL) throws {
        let extensions = """
            [req]
            distinguished_name = dn
            prompt = no
            [dn]
            CN = placeholder
            [ca_ext]
            basicConstraints = critical,CA:TRUE
            keyUsage = critical,keyCertSign,cRLSign
            subjectKeyIdentifier = hash
            [server_ext]
            basicConstraints = critical,CA:FALSE
            keyUsage = critical,digitalSignature
            extendedKeyUsage = serverAuth
            subjectAltName = DNS:localhost,IP:127.0.0.1
            subjectKeyIdentifier = hash
            authorityKeyIdentifier = keyid,issuer

            """
        try extensions.write(to: directory.appendingPathComponent("openssl.cnf"), atomically: true, encoding: .utf8)
        let key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"]
        for (name, subject) in [("ca", "/CN=TradeCredit Test CA"), ("unrelated-ca", "/CN=Unrelated Test CA")] {
            try run(openssl, ["req", "-x509", "-config", "openssl.cnf", "-extensions", "ca_ext"] + key
                + ["-keyout", "\(name).key", "-out", "\(name).pem", "-days", "2", "-subj", subject], in: directory)
        }
        try run(openssl, ["req", "-new", "-config", "openssl.cnf"] + key
            + ["-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost"], in: directory)
        try run(openssl, ["x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                          "-set_serial", "\(UInt32.random(in: 1...UInt32.max))", "-days", "2",
                          "-extfile", "openssl.cnf", "-extensions", "server_ext", "-out", "server.pem"], in: directory)
    }

    /// Runs a command to its end. - Throws: ``NginxFixtureError`` with its standard error when it fails.
    private static func run(_ executable: String, _ arguments: [String], in directory: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let errors = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw NginxFixtureError("\(executable) \(arguments.joined(separator: " ")) failed: "
                + String(decoding: message, as: UTF8.self))
        }
    }

    /// A JSON document of exactly `size` bytes: rate records, then a padding field.
    static func makeJSON(size: Int) -> Data {
        var records: [String] = []
        var index = 0
        func text(_ padding: Int) -> String {
            "{\"source\":\"fixture\",\"rates\":[\(records.joined(separator: ","))],\"padding\":\""
                + String(repeating: "x", count: padding) + "\"}"
        }
        while text(0).utf8.count + 40 < size {
            index += 1
            records.append("{\"currency\":\"C\(String(format: "%03d", index))\",\"perEUR\":\"1.\(1000 + index)\"}")
        }
        return Data(text(size - text(0).utf8.count).utf8)
    }

    /// `count` bytes from a fixed pseudo-random sequence (the same every run, not compressible).
    static func makeBytes(count: Int) -> Data {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var bytes = [UInt8](repeating: 0, count: count)
        for index in bytes.indices {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            bytes[index] = UInt8(truncatingIfNeeded: state >> 56)
        }
        return Data(bytes)
    }

    // MARK: Sockets

    /// A port that was free a moment ago: bind 127.0.0.1:0, read the port the kernel chose, close.
    static func freePort(excluding taken: [Int] = []) throws -> Int {
        for _ in 0..<20 {
            let port = try withSocket { descriptor -> Int in
                var address = loopback(port: 0)
                let bound = withUnsafePointer(to: &address) { pointer in
                    pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                    }
                }
                guard bound == 0 else { throw NginxFixtureError("bind failed (errno \(errno))") }
                var length = socklen_t(MemoryLayout<sockaddr_in>.size)
                let named = withUnsafeMutablePointer(to: &address) { pointer in
                    pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
                }
                guard named == 0 else { throw NginxFixtureError("getsockname failed (errno \(errno))") }
                return Int(UInt16(bigEndian: address.sin_port))
            }
            if !taken.contains(port) { return port }
        }
        throw NginxFixtureError("no free port found")
    }

    /// Whether a TCP connection to 127.0.0.1:`port` succeeds now.
    static func accepts(port: Int) -> Bool {
        (try? withSocket { descriptor -> Bool in
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
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw NginxFixtureError("socket failed (errno \(errno))") }
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

/// Why the nginx fixture could not start, with the tool's own message.
struct NginxFixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

import Foundation
internal import CCurl

/// One request on one libcurl easy handle: the handle, the memory it points to (header list, error buffer,
/// upload body), the response being received, and the continuation to resume when it ends.
///
/// Owned by the engine thread from ``CurlMultiEngine/submit(_:)`` on; only ``requestCancel()`` is called from
/// other threads.
final class CurlTransfer: @unchecked Sendable {
    /// What a finished transfer produced.
    struct Outcome {
        let status: Int
        let headers: HTTPHeaders
        let body: Data
        let httpVersion: String?
        let effectiveURL: URL
    }

    let id: UInt64
    let hostKey: String
    let request: HTTPRequest
    let maximumResponseSize: Int
    /// Redacts the errors of this transfer (the client's redactor, with its extra secrets).
    let redactor: Redactor
    let handle: UnsafeMutableRawPointer
    private var headerList: UnsafeMutablePointer<curl_slist>?
    let errorBuffer: UnsafeMutablePointer<CChar>

    private(set) var body = Data()
    private(set) var headers = HTTPHeaders()
    private(set) var exceededMaximumSize = false

    private let lock = NSLock()
    private var continuation: CheckedContinuation<Outcome, any Error>?
    private var cancelRequested = false
    private var finished = false

    init(id: UInt64, request: HTTPRequest, maximumResponseSize: Int, redactor: Redactor) throws {
        guard let handle = curl_easy_init() else {
            throw HTTPError(.protocolError, method: request.method, url: request.url, detail: "curl_easy_init failed",
                            redactor: redactor)
        }
        self.id = id
        self.request = request
        self.maximumResponseSize = maximumResponseSize
        self.redactor = redactor
        self.handle = handle
        self.hostKey = "\(request.url.scheme ?? "")://\(request.url.host ?? ""):\(request.url.port ?? -1)"
        self.errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    }

    deinit {
        curl_easy_cleanup(handle)
        if let headerList { curl_slist_free_all(headerList) }
        errorBuffer.deallocate()
    }

    /// Installs the continuation to resume; a cancellation requested earlier is honoured by the engine.
    func attach(_ continuation: CheckedContinuation<Outcome, any Error>) {
        lock.withLock { self.continuation = continuation }
    }

    /// Marks the transfer cancelled; the engine removes it on its next turn. Safe from any thread.
    func requestCancel() {
        lock.withLock { cancelRequested = true }
    }

    var isCancelRequested: Bool { lock.withLock { cancelRequested } }

    /// Resumes the waiting task exactly once.
    func finish(_ result: Result<Outcome, any Error>) {
        let continuation = lock.withLock { () -> CheckedContinuation<Outcome, any Error>? in
            guard !finished else { return nil }
            finished = true
            defer { self.continuation = nil }
            return self.continuation
        }
        continuation?.resume(with: result)
    }

    /// Keeps the header list alive until the handle is cleaned up.
    func retainHeaderList(_ list: UnsafeMutablePointer<curl_slist>?) {
        if let headerList { curl_slist_free_all(headerList) }
        headerList = list
    }

    // MARK: Called by libcurl on the engine thread

    /// Appends body bytes; refuses (returns 0, which aborts the transfer) past the maximum size.
    func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Int {
        if body.count + bytes.count > maximumResponseSize {
            exceededMaximumSize = true
            return 0
        }
        body.append(contentsOf: bytes)
        return bytes.count
    }

    /// Records one header line. A status line starts a new header block (informational responses, proxies).
    /// Works on the bytes: this runs for every header of every response on the engine thread, and Foundation's
    /// string trimming costs more there than the whole transfer.
    func receiveHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
        var start = 0
        var end = bytes.count
        while start < end && isSpace(bytes[start]) { start += 1 }
        while end > start && isSpace(bytes[end - 1]) { end -= 1 }
        if end - start >= 5 && bytes[start] == 0x48 && bytes[start + 1] == 0x54 && bytes[start + 2] == 0x54
            && bytes[start + 3] == 0x50 && bytes[start + 4] == 0x2F {
            headers = HTTPHeaders()
            return
        }
        var colon = start
        while colon < end && bytes[colon] != 0x3A { colon += 1 }
        guard colon < end else { return }
        var nameEnd = colon
        while nameEnd > start && isSpace(bytes[nameEnd - 1]) { nameEnd -= 1 }
        guard nameEnd > start else { return }
        var valueStart = colon + 1
        while valueStart < end && isSpace(bytes[valueStart]) { valueStart += 1 }
        let name = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<nameEnd]), as: UTF8.self)
        let value = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[valueStart..<end]), as: UTF8.self)
        headers.add(name, value)
        if nameEnd - start == 14, name.lowercased() == "content-length", let length = Int(value), length > maximumResponseSize {
            exceededMaximumSize = true
        }
    }

    var errorMessage: String { String(cString: errorBuffer) }
}

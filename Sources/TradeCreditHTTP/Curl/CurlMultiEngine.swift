import Foundation
internal import CCurl

/// One libcurl multi handle driven by one dedicated thread.
///
/// Tasks never block: they hand a ``CurlTransfer`` to ``submit(_:)`` and wait on a continuation, which this thread
/// resumes when the transfer ends. Nothing here runs on Swift's cooperative pool (a blocking libcurl call there
/// would starve it). Other threads talk to the loop through a locked inbox and `curl_multi_wakeup`.
final class CurlMultiEngine: @unchecked Sendable {
    private let multi: UnsafeMutableRawPointer
    private let lock = NSLock()
    private var inbox: [CurlTransfer] = []
    private var cancellationPending = false
    private var stopping = false
    private var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]
    private let stopped = DispatchSemaphore(value: 0)
    private var thread: Thread?

    /// - Parameters:
    ///   - maximumConnectionsPerHost: the per-host cap; transfers beyond it wait in libcurl's queue.
    ///   - maximumTotalConnections: the cap across hosts.
    init(maximumConnectionsPerHost: Int, maximumTotalConnections: Int) throws {
        guard CurlGlobal.ensureInitialized(), let multi = curl_multi_init() else {
            throw HTTPError(.protocolError, detail: "libcurl could not be initialised")
        }
        self.multi = multi
        _ = ccurl_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, maximumConnectionsPerHost)
        _ = ccurl_multi_setopt_long(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, maximumTotalConnections)
        _ = ccurl_multi_setopt_long(multi, CURLMOPT_PIPELINING, Int(CURLPIPE_MULTIPLEX))
        let thread = Thread { [unowned self] in self.run() }
        thread.name = "TradeCreditHTTP.curl"
        self.thread = thread
        thread.start()
    }

    /// Queues a transfer. - Throws: ``HTTPError`` `.shutdown` after ``shutdown()``.
    func submit(_ transfer: CurlTransfer) throws {
        try lock.withLock {
            guard !stopping else {
                throw HTTPError(.shutdown, method: transfer.request.method, url: transfer.request.url,
                                detail: "the HTTP client was shut down", redactor: transfer.redactor)
            }
            inbox.append(transfer)
        }
        curl_multi_wakeup(multi)
    }

    /// Asks the loop to drop a transfer; the transfer's task is resumed with `.cancelled`.
    func cancel(_ transfer: CurlTransfer) {
        transfer.requestCancel()
        lock.withLock { cancellationPending = true }
        curl_multi_wakeup(multi)
    }

    /// Stops the loop, fails every pending transfer with `.shutdown`, frees the multi handle and waits for the
    /// thread to end. Idempotent.
    func shutdown() {
        let first = lock.withLock { () -> Bool in
            defer { stopping = true }
            return !stopping
        }
        guard first else { return }
        curl_multi_wakeup(multi)
        stopped.wait()
        curl_multi_cleanup(multi)
    }

    /// Transfers in flight or queued (for tests and diagnostics).
    var activeCount: Int { lock.withLock { active.count + inbox.count } }

    /// Whether the engine thread has ended (after ``shutdown()``).
    var threadHasEnded: Bool { lock.withLock { ended } }
    private var ended = false

    // MARK: The loop (engine thread only)

    private func run() {
        while true {
            let (incoming, checkCancellations, stop) = lock.withLock { () -> ([CurlTransfer], Bool, Bool) in
                defer { inbox = []; cancellationPending = false }
                return (inbox, cancellationPending, stopping)
            }
            if stop {
                for transfer in incoming { fail(transfer, code: .shutdown, detail: "the HTTP client was shut down") }
                for transfer in Array(active.values) {
                    remove(transfer)
                    fail(transfer, code: .shutdown, detail: "the HTTP client was shut down")
                }
                lock.withLock { ended = true }
                stopped.signal()
                return
            }
            for transfer in incoming { add(transfer) }
            // add() already refuses a transfer cancelled before it arrived; scan the others only when asked.
            if checkCancellations {
                for transfer in Array(active.values) where transfer.isCancelRequested {
                    remove(transfer)
                    fail(transfer, code: .cancelled, detail: "the request was cancelled")
                }
            }
            var running: Int32 = 0
            curl_multi_perform(multi, &running)
            collectFinished()
            var ready: Int32 = 0
            // Wakes on socket activity, on curl's own timers, or on curl_multi_wakeup from another thread.
            curl_multi_poll(multi, nil, 0, 1_000, &ready)
        }
    }

    private func add(_ transfer: CurlTransfer) {
        if transfer.isCancelRequested {
            fail(transfer, code: .cancelled, detail: "the request was cancelled")
            return
        }
        let key = transfer.handle
        active[key] = transfer
        let result = curl_multi_add_handle(multi, transfer.handle)
        if result != CURLM_OK {
            active[key] = nil
            fail(transfer, code: .protocolError, detail: "curl_multi_add_handle failed (\(result.rawValue))")
        }
    }

    private func remove(_ transfer: CurlTransfer) {
        curl_multi_remove_handle(multi, transfer.handle)
        active[transfer.handle] = nil
    }

    private func collectFinished() {
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(multi, &remaining) {
            guard ccurl_msg_is_done(message) != 0, let handle = ccurl_msg_easy_handle(message),
                  let transfer = active[handle] else { continue }
            let code = ccurl_msg_result(message)
            remove(transfer)
            transfer.finish(CurlOutcome.result(of: transfer, code: code))
        }
    }

    private func fail(_ transfer: CurlTransfer, code: HTTPError.Code, detail: String) {
        transfer.finish(.failure(HTTPError(code, method: transfer.request.method, url: transfer.request.url, detail: detail,
                                           redactor: transfer.redactor)))
    }
}

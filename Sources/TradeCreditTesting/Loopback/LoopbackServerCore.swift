import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The state the server's threads share: the listener, the open connections, the recorded requests and the thread
/// count, all under one condition lock.
///
/// The threads hold this object, not the ``LoopbackHTTPServer``, so that dropping the server runs its `deinit`
/// (which shuts everything down) even while threads are running.
final class LoopbackServerCore: @unchecked Sendable {
    /// How long ``shutdown()`` waits for the threads to end; a handler that blocks longer is left behind.
    static let joinTimeout: TimeInterval = 10

    let handler: LoopbackHTTPServer.Handler
    let maxRequestBytes: Int

    private let condition = NSCondition()
    private var stopped = false
    private var listener: Int32
    private var connections: [Int: Int32] = [:]
    private var accepted = 0
    private var recorded: [RecordedRequest] = []
    private var runningThreads = 0
    private var threadIDs: Set<pthread_t> = []

    init(listener: Int32, maxRequestBytes: Int, handler: @escaping LoopbackHTTPServer.Handler) {
        self.listener = listener
        self.maxRequestBytes = maxRequestBytes
        self.handler = handler
    }

    // MARK: Observed state

    var isStopped: Bool { locked { stopped } }
    var requests: [RecordedRequest] { locked { recorded } }
    var acceptedConnections: Int { locked { accepted } }
    var openConnections: Int { locked { connections.count } }
    var activeThreads: Int { locked { runningThreads } }

    func record(_ request: RecordedRequest) { locked { recorded.append(request) } }
    func removeAllRequests() { locked { recorded.removeAll() } }

    // MARK: Threads

    /// Starts a dedicated thread running `body`, counted until it returns.
    func startThread(named name: String, _ body: @escaping @Sendable () -> Void) {
        locked { runningThreads += 1 }
        let thread = Thread { [self] in
            locked { _ = threadIDs.insert(pthread_self()) }
            body()
            locked {
                threadIDs.remove(pthread_self())
                runningThreads -= 1
                condition.broadcast()
            }
        }
        thread.name = name
        thread.start()
    }

    /// Starts the accept thread.
    func start() {
        startThread(named: "LoopbackHTTPServer.accept") { [self] in acceptLoop() }
    }

    private func acceptLoop() {
        let listener = locked { self.listener }
        while !isStopped {
            let ready = LoopbackSocket.waitReadable(listener, milliseconds: 100)
            if ready < 0 { break }
            if ready == 0 { continue }
            let descriptor = LoopbackSocket.acceptConnection(on: listener)
            if descriptor < 0 { continue } // ECONNABORTED, EINTR, or the listener shut down: the loop checks `stopped`.
            LoopbackSocket.configureConnection(descriptor)
            guard let index = register(descriptor) else {
                LoopbackSocket.closeSocket(descriptor)
                break
            }
            startThread(named: "LoopbackHTTPServer.connection.\(index)") { [self] in
                LoopbackConnection(core: self, descriptor: descriptor, index: index).run()
            }
        }
        locked {
            LoopbackSocket.closeSocket(self.listener)
            self.listener = -1
        }
    }

    /// Registers an accepted connection and returns its index, or `nil` once the server is stopping.
    private func register(_ descriptor: Int32) -> Int? {
        locked {
            guard !stopped else { return nil }
            let index = accepted
            accepted += 1
            connections[index] = descriptor
            return index
        }
    }

    /// Closes connection `index` (with an RST when `abortive`) and forgets it. Done under the lock so that
    /// ``shutdown()`` never touches a descriptor number the system has already reused.
    func closeConnection(_ index: Int, abortive: Bool) {
        locked {
            guard let descriptor = connections.removeValue(forKey: index) else { return }
            if abortive { LoopbackSocket.setAbortiveClose(descriptor) }
            LoopbackSocket.closeSocket(descriptor)
            condition.broadcast()
        }
    }

    /// Waits `duration`, or less when the server stops; `false` when it stopped.
    func sleep(for duration: Duration) -> Bool {
        let (seconds, attoseconds) = duration.components
        let deadline = Date(timeIntervalSinceNow: Double(seconds) + Double(attoseconds) / 1e18)
        return locked {
            while !stopped && Date() < deadline {
                _ = condition.wait(until: deadline)
            }
            return !stopped
        }
    }

    /// Stops accepting, wakes every thread (`shutdown(2)` on each socket) and waits for them to end — but not for the
    /// calling thread when a handler calls it. Idempotent.
    func shutdown() {
        locked {
            if !stopped {
                stopped = true
                if listener >= 0 { LoopbackSocket.shutdownBoth(listener) }
                for descriptor in connections.values { LoopbackSocket.shutdownBoth(descriptor) }
                condition.broadcast()
            }
            let ownThread = threadIDs.contains(pthread_self()) ? 1 : 0
            let deadline = Date(timeIntervalSinceNow: Self.joinTimeout)
            while runningThreads > ownThread && Date() < deadline {
                _ = condition.wait(until: deadline)
            }
        }
    }

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        condition.lock()
        defer { condition.unlock() }
        return try body()
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin wrappers over the POSIX socket calls of the loopback server, so that the rest of the code reads as HTTP.
///
/// The names differ from the C functions on purpose: a member called `send` or `close` would shadow them.
enum LoopbackSocket {
    /// A listening TCP socket on 127.0.0.1 and an ephemeral port chosen by the kernel.
    static func makeListener(backlog: Int32 = 128) throws -> (descriptor: Int32, port: Int) {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw LoopbackServerError(operation: "socket", errorNumber: errno) }
        #if canImport(Darwin)
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        #endif
        var one: Int32 = 1
        _ = setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))

        var address = sockaddr_in()
        #if canImport(Darwin)
        address.sin_len = UInt8(MemoryLayout<sockaddr_in>.size)
        #endif
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else {
            let error = LoopbackServerError(operation: "bind", errorNumber: errno)
            close(descriptor)
            throw error
        }
        guard listen(descriptor, backlog) == 0 else {
            let error = LoopbackServerError(operation: "listen", errorNumber: errno)
            close(descriptor)
            throw error
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard named == 0 else {
            let error = LoopbackServerError(operation: "getsockname", errorNumber: errno)
            close(descriptor)
            throw error
        }
        return (descriptor, Int(UInt16(bigEndian: address.sin_port)))
    }

    /// Accepts a connection (close-on-exec), or returns -1 with `errno` set.
    static func acceptConnection(on listener: Int32) -> Int32 {
        // accept4 needs _GNU_SOURCE, which Swift's Glibc module does not define: set the flag afterwards.
        let descriptor = accept(listener, nil, nil)
        if descriptor >= 0 { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        return descriptor
    }

    /// Options for an accepted connection: no Nagle delay (small scripted writes go out at once), a bounded send
    /// (a peer that stops reading cannot hold a thread for ever) and, on Darwin, no SIGPIPE.
    static func configureConnection(_ descriptor: Int32, sendTimeoutSeconds: Int = 30) {
        var one: Int32 = 1
        _ = setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        var timeout = timeval(tv_sec: sendTimeoutSeconds, tv_usec: 0)
        _ = setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        #if canImport(Darwin)
        _ = setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif
    }

    /// Waits up to `milliseconds` for `descriptor` to become readable (or hung up): 1 when ready, 0 on timeout, -1 on
    /// error other than an interruption.
    static func waitReadable(_ descriptor: Int32, milliseconds: Int32) -> Int32 {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        while true {
            let result = poll(&entry, 1, milliseconds)
            if result < 0 && errno == EINTR { continue }
            return result < 0 ? -1 : (result == 0 ? 0 : 1)
        }
    }

    /// Reads what is available into `buffer`: the byte count, 0 at end of stream, -1 on error.
    static func receiveSome(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        while true {
            let count = recv(descriptor, buffer.baseAddress, buffer.count, 0)
            if count < 0 && errno == EINTR { continue }
            return count
        }
    }

    /// Writes every byte, never raising SIGPIPE; `false` when the peer is gone or the send timed out.
    static func sendAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        #if canImport(Glibc)
        let flags = Int32(MSG_NOSIGNAL)
        #else
        let flags: Int32 = 0
        #endif
        var offset = 0
        while offset < bytes.count {
            let count = send(descriptor, bytes.baseAddress! + offset, bytes.count - offset, flags)
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += count
        }
        return true
    }

    /// Writes every byte of `bytes`, as the raw-buffer overload does.
    static func sendAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { sendAll(descriptor, $0) }
    }

    /// `shutdown(2)` of both directions: wakes any thread blocked on the socket.
    static func shutdownBoth(_ descriptor: Int32) {
        _ = shutdown(descriptor, Int32(SHUT_RDWR))
    }

    /// `shutdown(2)` of the sending direction: the peer reads end of stream.
    static func shutdownWrite(_ descriptor: Int32) {
        _ = shutdown(descriptor, Int32(SHUT_WR))
    }

    /// Makes the next close abortive: `SO_LINGER {1, 0}`, so the kernel sends RST instead of FIN.
    static func setAbortiveClose(_ descriptor: Int32) {
        var option = linger(l_onoff: 1, l_linger: 0)
        _ = setsockopt(descriptor, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
    }

    /// Closes the descriptor.
    static func closeSocket(_ descriptor: Int32) {
        _ = close(descriptor)
    }

    /// The text of an `errno` value.
    static func message(for errorNumber: Int32) -> String {
        String(cString: strerror(errorNumber))
    }
}

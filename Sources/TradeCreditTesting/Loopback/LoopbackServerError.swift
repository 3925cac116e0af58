/// The error of ``LoopbackHTTPServer/init(maxRequestBytes:handler:)``: a socket call failed while setting up the
/// listener.
public struct LoopbackServerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The system call that failed: `socket`, `bind`, `listen` or `getsockname`.
    public let operation: String
    /// The `errno` value it reported.
    public let errorNumber: Int32

    /// An error for `operation` failing with `errorNumber`.
    public init(operation: String, errorNumber: Int32) {
        self.operation = operation
        self.errorNumber = errorNumber
    }

    /// `operation failed: message (errno N)`, one line.
    public var description: String {
        "\(operation) failed: \(LoopbackSocket.message(for: errorNumber)) (errno \(errorNumber))"
    }
}

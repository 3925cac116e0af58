/// What went wrong in an adapter, in terms every adapter shares: a bureau, a registry or a rate source.
///
/// Each adapter keeps its own error type (with its own codes and details, such as D&B's error code); all of them also
/// answer ``AdapterError/failure`` with one of these kinds, so that a caller, the multi-bureau composition and the
/// conformance kit can handle every adapter alike.
///
/// A search that finds nothing is not a failure: a bureau returns `[]`. ``notFound`` is for something the caller
/// addressed directly that does not exist: a bureau's own key (a DUNS, a connectId), a date or file a rate source
/// does not have.
public enum AdapterFailure: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// What was addressed directly does not exist at the source.
    case notFound = "not_found"
    /// The credentials were refused or do not cover the request. Never retried.
    case unauthorized
    /// The source asked the caller to slow down (`429`), after any retries.
    case rateLimited = "rate_limited"
    /// The source could not be reached or failed: connection, timeout, a body cut short, `5xx`, an unreadable file.
    case unavailable
    /// The request could not be made or was refused as malformed (no identifier the source can use, a bad base URL,
    /// an unexpected `4xx`).
    case invalidRequest = "invalid_request"
    /// The answer is not what the source documents: not JSON or XML, cut short, a field missing, of the wrong type or
    /// out of range. ``AdapterError/field`` names the field.
    case invalidResponse = "invalid_response"

    /// The raw value (`not_found`).
    public var description: String { rawValue }
}

/// An error thrown by an adapter. Its description is one line, free of secrets.
///
/// Cancellation is not an adapter error: a cancelled lookup throws `CancellationError` or the HTTP layer's
/// `cancelled` error unchanged.
public protocol AdapterError: Error, Sendable, CustomStringConvertible {
    /// The adapter's short name (`creditsafe`, `ecb`).
    var adapter: String { get }
    /// The kind of failure.
    var failure: AdapterFailure { get }
    /// The field, JSON path or column concerned, for ``AdapterFailure/invalidResponse``.
    var field: String? { get }
    /// The HTTP status of the answer, when there was one.
    var status: Int? { get }
}

public import TradeCreditModel

/// How far a batch of an ``Underwriter`` has come, reported after each buyer.
///
/// Reports arrive one at a time, in the order buyers finish (not input order): `completed` rises by one with each,
/// from 1 to `total`, and `succeeded + failed == completed`.
public struct BatchProgress: Hashable, Sendable {
    /// Buyers finished so far.
    public let completed: Int
    /// Buyers in the batch.
    public let total: Int
    /// Buyers finished with a result.
    public let succeeded: Int
    /// Buyers finished with a failure.
    public let failed: Int
    /// The buyer just finished.
    public let buyerID: BuyerID

    /// A report (the underwriter makes these).
    public init(completed: Int, total: Int, succeeded: Int, failed: Int, buyerID: BuyerID) {
        self.completed = completed
        self.total = total
        self.succeeded = succeeded
        self.failed = failed
        self.buyerID = buyerID
    }

    /// The share done, in [0, 1].
    public var fraction: Double { total == 0 ? 1 : Double(completed) / Double(total) }
}

/// One buyer's result in a batch: its value, or why it failed. A failure concerns this buyer only.
public struct BatchEntry<Value: Sendable>: Sendable {
    /// The buyer's position in the batch's input.
    public let index: Int
    /// The buyer.
    public let buyerID: BuyerID
    /// The result.
    public let result: Result<Value, UnderwriterFailure>

    /// An entry (the underwriter makes these).
    public init(index: Int, buyerID: BuyerID, result: Result<Value, UnderwriterFailure>) {
        self.index = index
        self.buyerID = buyerID
        self.result = result
    }

    /// The value, `nil` on failure.
    public var value: Value? { try? result.get() }

    /// The failure, `nil` on success.
    public var failure: UnderwriterFailure? {
        if case .failure(let failure) = result { return failure }
        return nil
    }
}

extension BatchEntry: Equatable where Value: Equatable {}
extension BatchEntry: Hashable where Value: Hashable {}

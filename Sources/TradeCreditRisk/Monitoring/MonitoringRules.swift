public import Foundation

/// The parameters of limit monitoring: data a user sets, with defaults.
public struct MonitoringRules: Hashable, Sendable {
    /// A rating older than this many days is stale (default 365, the maximum age of a source in consolidation,
    /// DOMAIN.md §3). Stale means strictly older: a rating exactly 365 days old is still fresh.
    public let ratingMaxAgeDays: Int
    /// An overdue triggers a review when it is above this share of the limit (default 0: any overdue does).
    public let overdueShareThreshold: Decimal
    /// Whether an outstanding above its limit triggers a review (default true).
    public let reviewsOutstandingAboveLimit: Bool

    /// - Throws: ``RiskMeasureError`` `.outOfRange` for a negative age (`ratingMaxAgeDays`) or threshold
    ///   (`overdueShareThreshold`).
    public init(ratingMaxAgeDays: Int = 365, overdueShareThreshold: Decimal = 0,
                reviewsOutstandingAboveLimit: Bool = true) throws {
        guard ratingMaxAgeDays >= 0 else {
            throw RiskMeasureError(.outOfRange, field: "ratingMaxAgeDays", value: String(ratingMaxAgeDays),
                                   "cannot be negative")
        }
        guard overdueShareThreshold >= 0, !overdueShareThreshold.isNaN else {
            throw RiskMeasureError(.outOfRange, field: "overdueShareThreshold", value: "\(overdueShareThreshold)",
                                   "cannot be negative")
        }
        self.init(checked: ratingMaxAgeDays, overdueShareThreshold, reviewsOutstandingAboveLimit)
    }

    private init(checked ratingMaxAgeDays: Int, _ overdueShareThreshold: Decimal, _ reviewsOutstandingAboveLimit: Bool) {
        self.ratingMaxAgeDays = ratingMaxAgeDays
        self.overdueShareThreshold = overdueShareThreshold
        self.reviewsOutstandingAboveLimit = reviewsOutstandingAboveLimit
    }

    /// The defaults: ratings stale after 365 days, any overdue and any outstanding above its limit reviewed.
    public static let standard = MonitoringRules(checked: 365, 0, true)
}

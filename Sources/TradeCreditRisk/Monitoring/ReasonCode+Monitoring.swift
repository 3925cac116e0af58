public import TradeCreditModel

extension ReasonCode {
    /// The stable codes of monitoring review items (DOMAIN.md §8). A review item lists them in this order.
    public enum Monitoring {
        /// The buyer's grade is worse than when the limit was granted.
        public static let ratingDowngraded = "rating_downgraded"
        /// The buyer's grade is better than when the limit was granted (a grade change is a trigger for review).
        public static let ratingUpgraded = "rating_upgraded"
        /// The buyer has no grade rated on or before the monitoring date.
        public static let ratingMissing = "rating_missing"
        /// The buyer's current grade is older than the maximum age.
        public static let ratingStale = "rating_stale"
        /// The buyer has overdues above the review threshold against this limit.
        public static let overdueAgainstLimit = "overdue_against_limit"
        /// The outstanding is above the limit: the excess is not insured.
        public static let outstandingAboveLimit = "outstanding_above_limit"

        /// Every code, in the order a review item lists them.
        public static let all = [
            ratingDowngraded, ratingUpgraded, ratingMissing, ratingStale, overdueAgainstLimit, outstandingAboveLimit,
        ]
    }
}

public import TradeCreditModel

/// A buyer's grade on the master scale (1 best; higher is worse; the top grade is in default) as rated on a date.
///
/// Monitoring reads the history of these: on a date, a buyer's current grade is the latest one rated on or before
/// it (the worse grade when two share that date); grades rated later are not known yet.
public struct BuyerGrade: Hashable, Sendable, Codable {
    /// The buyer rated.
    public let buyerID: BuyerID
    /// The master-scale grade, 1 or more.
    public let grade: Int
    /// The date of the rating (not of the fetch).
    public let ratedOn: CalendarDate

    /// - Throws: ``RiskMeasureError`` `.outOfRange` (field `grade`) for a grade below 1.
    public init(buyerID: BuyerID, grade: Int, ratedOn: CalendarDate) throws {
        try BuyerGrade.requireGrade(grade, field: "grade")
        self.buyerID = buyerID
        self.grade = grade
        self.ratedOn = ratedOn
    }

    static func requireGrade(_ grade: Int, field: String) throws {
        guard grade >= 1 else {
            throw RiskMeasureError(.outOfRange, field: field, value: String(grade), "master-scale grades start at 1")
        }
    }

    /// The current grade of each buyer on `date`: the latest rated on or before it, the worse on a tie.
    static func current(_ grades: [BuyerGrade], on date: CalendarDate) -> [BuyerID: BuyerGrade] {
        var current: [BuyerID: BuyerGrade] = [:]
        for grade in grades where grade.ratedOn <= date {
            if let known = current[grade.buyerID], (known.ratedOn, known.grade) >= (grade.ratedOn, grade.grade) {
                continue
            }
            current[grade.buyerID] = grade
        }
        return current
    }
}

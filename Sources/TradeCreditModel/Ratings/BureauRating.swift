/// One rating of a buyer by one bureau, as of a date.
public struct BureauRating: Hashable, Sendable, Codable {
    /// The bureau (`"creditsafe"`, `"dnb"`, `"file"`).
    public let source: String
    /// The ``RatingScale/id`` the value is on.
    public let scaleID: String
    /// The identifier under which the bureau knows the buyer (its own id, a DUNS, …).
    public let buyerIdentifier: BuyerIdentifier
    /// The date of the rating (not of the fetch): its age weighs in consolidation.
    public let ratedOn: CalendarDate
    /// The rating.
    public let value: RatingValue
    /// The bureau's suggested credit limit, when it gives one.
    public let suggestedLimit: Money?
    /// Adverse information the report shows (court judgments, payment incidents), as the bureau words it.
    public let adverseEvents: [String]

    public init(source: String, scaleID: String, buyerIdentifier: BuyerIdentifier, ratedOn: CalendarDate,
                value: RatingValue, suggestedLimit: Money? = nil, adverseEvents: [String] = []) {
        self.source = source
        self.scaleID = scaleID
        self.buyerIdentifier = buyerIdentifier
        self.ratedOn = ratedOn
        self.value = value
        self.suggestedLimit = suggestedLimit
        self.adverseEvents = adverseEvents
    }

    /// Age of the rating in days on `date`.
    public func ageInDays(on date: CalendarDate) -> Int { date.days(since: ratedOn) }
}

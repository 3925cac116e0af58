import TradeCreditModel

/// Gathers the days of one ECB file as they are read: refuses a date seen before or a day without rates, and hands
/// the publications back oldest first.
struct ECBPublicationCollector {
    /// The source recorded in every publication of an ECB file.
    static let source = "ECB"

    private let file: String
    private var publications: [RatePublication] = []
    /// The line where each date was read (by day number), to name both lines of a duplicate.
    private var lines: [Int: Int] = [:]

    init(file: String, expectedCount: Int = 0) {
        self.file = file
        publications.reserveCapacity(expectedCount)
        lines.reserveCapacity(expectedCount)
    }

    /// Adds the day read at `line`. - Throws: `.malformed` for a repeated date, a day without rates, or rates that
    /// ``RatePublication`` refuses.
    mutating func add(date: CalendarDate, rates: [CurrencyCode: ExactDecimal], line: Int) throws {
        if let first = lines.updateValue(line, forKey: date.daysSinceEpoch) {
            throw ECBRatesError.malformed(file, line: line, field: nil, "\(date) appears twice (first on line \(first))")
        }
        guard !rates.isEmpty else {
            throw ECBRatesError.malformed(file, line: line, field: nil, "no rate is quoted on \(date)")
        }
        do {
            publications.append(try RatePublication(source: Self.source, date: date, exactRates: rates))
        } catch let error as ModelError {
            throw ECBRatesError.malformed(file, line: line, field: nil, error.description)
        }
    }

    /// The publications, oldest first.
    func sorted() -> [RatePublication] {
        // The ECB writes newest first: reversing is enough then, and sorting covers any other order.
        if publications.count > 1, publications[0].date > publications[1].date,
           zip(publications, publications.dropFirst()).allSatisfy({ $0.date > $1.date }) {
            return publications.reversed()
        }
        return publications.sorted { $0.date < $1.date }
    }
}

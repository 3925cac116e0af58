import Foundation
import TradeCreditModel

/// One rating as read from a file, before its checks: the common ground of the JSON and CSV readers.
struct RawRating {
    /// What the file says the value is.
    enum Value {
        /// A grade (JSON `grade`) or, in CSV, any text that is neither `NR`, `DEFAULT` nor read as a score.
        case text(String)
        /// A JSON `score`.
        case score(Int)
        case notRated
        case inDefault
    }

    var identifiers: [String]
    var source: String?
    var scale: String
    var ratedOn: String
    var value: Value
    var limitAmount: String?
    var limitCurrency: String?
    var adverse: [String]
}

/// Where a raw rating comes from and what its fields are called there, so that errors name them as the file does.
struct RecordLocation {
    let file: String
    let line: Int?
    /// Prepended to field names: `ratings[3].` in JSON, empty in CSV.
    let prefix: String
    let identifiers: String
    let source: String
    let scale: String
    let ratedOn: String
    let value: String
    let limitAmount: String
    let limitCurrency: String
    let adverse: String

    func error(_ code: FileBureauError.Code, _ field: String, value: String? = nil, _ message: String) -> FileBureauError {
        FileBureauError(code, file: file, line: line, field: prefix + field, value: value, message: message)
    }

    static func json(file: String, index: Int) -> RecordLocation {
        RecordLocation(file: file, line: nil, prefix: "ratings[\(index)].", identifiers: "identifiers", source: "source",
                       scale: "scale", ratedOn: "ratedOn", value: "value", limitAmount: "suggestedLimit.amount",
                       limitCurrency: "suggestedLimit.currency", adverse: "adverse")
    }

    static func csv(file: String, line: Int) -> RecordLocation {
        RecordLocation(file: file, line: line, prefix: "", identifiers: "identifiers", source: "source",
                       scale: "scale", ratedOn: "rated_on", value: "value", limitAmount: "suggested_limit",
                       limitCurrency: "currency", adverse: "adverse")
    }
}

extension FileRatingBureau {
    /// Checks a raw rating and builds its entry.
    /// - Parameter valueField: the name of the field the value came from (`grade`, `score`, `state`, `value`).
    static func entry(from raw: RawRating, at location: RecordLocation, valueField: String, index: Int,
                      scales: [String: RatingScale]) throws -> Entry {
        guard !raw.identifiers.isEmpty else {
            throw location.error(.malformed, location.identifiers, "at least one identifier is required")
        }
        var identifiers: [BuyerIdentifier] = []
        for (position, text) in raw.identifiers.enumerated() {
            let field = location.line == nil ? "\(location.identifiers)[\(position)]" : location.identifiers
            do {
                let identifier = try BuyerIdentifier(parsing: text)
                if !identifiers.contains(identifier) { identifiers.append(identifier) }
            } catch let error as ModelError {
                throw location.error(.malformed, field, value: text, "bad identifier: \(error.message)")
            }
        }

        let source = raw.source ?? "file"
        guard (1...32).contains(source.count),
              source.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || "-_.".contains($0)) }) else {
            throw location.error(.malformed, location.source, value: source,
                                 "a source is 1 to 32 lower-case ASCII letters, digits, '-', '_' or '.'")
        }

        guard let scale = scales[raw.scale] else {
            throw location.error(.unknownScale, location.scale, value: raw.scale,
                                 "unknown scale; known: \(scales.keys.sorted().joined(separator: ", "))")
        }

        let ratedOn: CalendarDate
        do {
            ratedOn = try CalendarDate(parsing: raw.ratedOn)
        } catch let error as ModelError {
            throw location.error(.malformed, location.ratedOn, value: raw.ratedOn, error.message)
        }

        let value = try checkedValue(raw.value, on: scale, field: valueField, at: location)

        var limit: Money?
        switch (raw.limitAmount, raw.limitCurrency) {
        case (nil, nil): limit = nil
        case (.some, nil):
            throw location.error(.malformed, location.limitCurrency, "a suggested limit needs its currency")
        case (nil, .some(let currency)):
            throw location.error(.malformed, location.limitAmount, value: currency,
                                 "a currency is given without a suggested limit")
        case (.some(let amount), .some(let currencyText)):
            let currency: CurrencyCode
            do {
                currency = try CurrencyCode(currencyText)
            } catch let error as ModelError {
                throw location.error(.malformed, location.limitCurrency, value: currencyText, error.message)
            }
            do {
                limit = try Money(parsing: amount, currency: currency)
            } catch let error as ModelError {
                throw location.error(.malformed, location.limitAmount, value: amount,
                                     "bad amount: \(error.message)")
            }
            if limit?.isNegative == true {
                throw location.error(.malformed, location.limitAmount, value: amount, "a suggested limit is not negative")
            }
        }

        var adverse: [String] = []
        for (position, text) in raw.adverse.enumerated() {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else {
                let field = location.line == nil ? "\(location.adverse)[\(position)]" : location.adverse
                throw location.error(.malformed, field, "an adverse event is not empty")
            }
            adverse.append(trimmed)
        }

        let rating = BureauRating(source: source, scaleID: scale.id, buyerIdentifier: identifiers[0], ratedOn: ratedOn,
                                  value: value, suggestedLimit: limit, adverseEvents: adverse)
        return Entry(identifiers: identifiers, rating: rating, index: index)
    }

    /// The value on its scale, with special labels turned into their states.
    private static func checkedValue(_ raw: RawRating.Value, on scale: RatingScale, field: String,
                                     at location: RecordLocation) throws -> RatingValue {
        let specialLabels = scale.notRatedLabels.union(scale.defaultLabels)
        switch (raw, scale.kind) {
        case (.notRated, _): return .notRated
        case (.inDefault, _): return .inDefault
        case (.text(let label), .grades(let grades)):
            guard grades.contains(label) || specialLabels.contains(label) else {
                throw location.error(.notOnScale, field, value: label,
                                     "not a grade of \(scale.id); grades: \(grades.joined(separator: " "))")
            }
            return scale.normalized(.grade(label))
        case (.score(let score), .grades):
            guard specialLabels.contains(String(score)) else {
                throw location.error(.notOnScale, field, value: String(score),
                                     "\(scale.id) has grades, not scores")
            }
            return scale.normalized(.grade(String(score)))
        case (.text(let text), .scores):
            if specialLabels.contains(text) { return scale.normalized(.grade(text)) }
            if scale.id == creditsafeInternational.id, let score = creditsafeGradeScores[text] {
                return .score(score)
            }
            // CSV scores arrive as text: an optional minus sign and ASCII digits, nothing else.
            let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
            guard location.line != nil, !digits.isEmpty, digits.count <= 10,
                  digits.allSatisfy({ $0.isASCII && $0.isNumber }), let score = Int(text) else {
                throw location.error(location.line == nil ? .notOnScale : .malformed, field, value: text,
                                     "\(scale.id) takes an integer score")
            }
            return try checkedScore(score, on: scale, field: field, at: location)
        case (.score(let score), .scores):
            return try checkedScore(score, on: scale, field: field, at: location)
        }
    }

    private static func checkedScore(_ score: Int, on scale: RatingScale, field: String,
                                     at location: RecordLocation) throws -> RatingValue {
        guard case .scores(let low, let high) = scale.kind, (low...high).contains(score) else {
            throw location.error(.notOnScale, field, value: String(score), "outside the scores of \(scale.id)")
        }
        return scale.normalized(.score(score))
    }
}

import Foundation
import TradeCreditModel

/// Reads a company search answer and a company report, in the shapes Creditsafe Connect's public documentation shows.
enum CreditsafeReport {
    /// Words in a company status or its description that mean the company is insolvent or closed (matched in lower
    /// case, anywhere in the text).
    static let defaultStatusWords = [
        "insolv", "liquidat", "bankrupt", "receivership", "administration", "dissolved", "closed", "ceased",
        "struck off", "nonactive", "non-active", "inactive", "redressement", "sauvegarde", "cessation", "radié",
    ]

    /// The connectId of the best (first) match of a search answer, or `nil` when nothing matched.
    static func firstConnectID(from body: Data) throws -> String? {
        let root = try CreditsafeJSON.parse(body, what: "company search answer")
        // No `companies` at all: the documented answer for no match carries an empty list, but accept its absence.
        guard root["companies"].isPresent else { return nil }
        guard let first = try root["companies"].array().first else { return nil }
        return try first["id"].string()
    }

    /// The rating a report gives, as a ``BureauRating`` on `scale`.
    /// - Parameter today: the date used when the report carries neither a rating change date nor an order date.
    static func rating(from body: Data, connectID: BuyerIdentifier, scale: RatingScale,
                       today: CalendarDate) throws -> BureauRating {
        let root = try CreditsafeJSON.parse(body, what: "company report")
        let report = root["report"]
        guard report.value is [String: Any] else {
            throw report.invalid(report.isPresent ? "is not an object" : "is missing")
        }
        let creditScore = report["creditScore"]
        let current = creditScore["currentCreditRating"]
        let statusTexts = try companyStatusTexts(of: report)
        let isDefaulted = statusTexts.contains { text in
            let lower = text.lowercased()
            return defaultStatusWords.contains { lower.contains($0) }
        }
        let value = isDefaulted ? RatingValue.inDefault : try ratingValue(current, scale: scale)
        return BureauRating(source: CreditsafeBureau.sourceName, scaleID: scale.id, buyerIdentifier: connectID,
                            ratedOn: try ratedOn(root: root, creditScore: creditScore, today: today),
                            value: value, suggestedLimit: try creditLimit(current["creditLimit"]),
                            adverseEvents: try adverseEvents(report: report, statusTexts: isDefaulted ? statusTexts : []))
    }

    /// The status and its description, from `companySummary.companyStatus` and
    /// `companyIdentification.basicInformation.companyStatus`.
    private static func companyStatusTexts(of report: CreditsafeJSON) throws -> [String] {
        var texts: [String] = []
        for status in [report["companySummary"]["companyStatus"],
                       report["companyIdentification"]["basicInformation"]["companyStatus"]] {
            for text in [try status["status"].optionalString(), try status["description"].optionalString()] {
                if let text, !text.isEmpty, !texts.contains(text) { texts.append(text) }
            }
        }
        return texts
    }

    /// `E` (or another not-rated label of the scale) → not rated; else the numeric provider value; else the common
    /// value read as the lowest score of its letter.
    private static func ratingValue(_ current: CreditsafeJSON, scale: RatingScale) throws -> RatingValue {
        guard current.isPresent else { throw current.invalid("is missing") }
        let common = try current["commonValue"].optionalString()?.trimmingCharacters(in: .whitespaces).uppercased()
        if let common, scale.notRatedLabels.contains(common) { return .notRated }
        let provider = current["providerValue"]["value"]
        let score: Int
        if let number = try provider.optionalInteger() {
            score = number
        } else if let common, let lowest = CreditsafeBureau.commonValueScores[common] {
            score = lowest
        } else {
            throw provider.invalid("is missing and the common value gives no score")
        }
        if case .scores(let low, let high) = scale.kind, !(low...high).contains(score) {
            throw provider.invalid("holds \(score), outside \(low)...\(high)")
        }
        return scale.normalized(.score(score))
    }

    /// The credit limit when its value is a number; `nil` for "Not Rated" or any other text, or no limit.
    private static func creditLimit(_ limit: CreditsafeJSON) throws -> Money? {
        let field = limit["value"]
        let text: String
        if let number = field.numberValue {
            text = number.stringValue
        } else if let string = try field.optionalString() {
            text = string.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
        } else {
            return nil
        }
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              text.filter({ $0 == "." }).count <= 1, text.first != ".", text.last != "." else { return nil }
        let currencyField = limit["currency"]
        let code = try currencyField.string()
        guard let currency = try? CurrencyCode(code.trimmingCharacters(in: .whitespaces).uppercased()) else {
            throw currencyField.invalid("holds \"\(code)\", not an ISO 4217 currency")
        }
        do {
            return try Money(parsing: text, currency: currency, strict: false, field: field.path)
        } catch {
            throw field.invalid("holds \"\(text)\", not an amount")
        }
    }

    /// `creditScore.latestRatingChangeDate`, else the order date (`dateOfOrder`), else `today`; each an ISO 8601 date
    /// or date-time of which the date is kept.
    private static func ratedOn(root: CreditsafeJSON, creditScore: CreditsafeJSON,
                                today: CalendarDate) throws -> CalendarDate {
        for field in [creditScore["latestRatingChangeDate"], root["dateOfOrder"], root["report"]["dateOfOrder"]] {
            guard let text = try field.optionalString() else { continue }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard let date = try? CalendarDate(parsing: String(trimmed.prefix(10))),
                  trimmed.count == 10 || trimmed.dropFirst(10).first == "T" else {
                throw field.invalid("holds \"\(text)\", not an ISO 8601 date")
            }
            return date
        }
        return today
    }

    /// Adverse information: an insolvent or closed status, county court judgments (`negativeInformation.ccjSummary`),
    /// and a downgrade from `creditScore.previousCreditRating`.
    private static func adverseEvents(report: CreditsafeJSON, statusTexts: [String]) throws -> [String] {
        var events: [String] = []
        if !statusTexts.isEmpty { events.append("company status: " + statusTexts.joined(separator: " / ")) }
        let ccj = report["negativeInformation"]["ccjSummary"]
        if let exact = try ccj["numberOfExact"].optionalInteger(), exact > 0 {
            events.append("\(exact) court judgment\(exact == 1 ? "" : "s") (exact match)")
        }
        if let possible = try ccj["numberOfPossible"].optionalInteger(), possible > 0 {
            events.append("\(possible) possible court judgment\(possible == 1 ? "" : "s")")
        }
        let scores = report["creditScore"]
        let previous = try scores["previousCreditRating"]["commonValue"].optionalString()
        let current = try scores["currentCreditRating"]["commonValue"].optionalString()
        let order = ["A", "B", "C", "D"]
        if let previous, let current, let from = order.firstIndex(of: previous.uppercased()),
           let to = order.firstIndex(of: current.uppercased()), to > from {
            events.append("rating downgraded from \(previous.uppercased()) to \(current.uppercased())")
        }
        return events
    }
}

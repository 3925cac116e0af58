import TradeCreditModel

/// Maps a decoded data-blocks answer to ``BureauRating``s (see ``DnBBureau`` for the rules).
struct DnBMapping {
    let document: DnBDocument
    let duns: BuyerIdentifier
    let status: Int
    let today: CalendarDate

    func ratings() throws -> [BureauRating] {
        guard let organization = document.organization else {
            throw DnBError(.invalidResponse, status: status, field: "organization", message: "missing")
        }
        if let answered = organization.duns, answered != duns.value {
            throw DnBError(.invalidResponse, status: status, field: "organization.duns",
                           message: "asked for \(duns.value), answered with \(answered)")
        }
        let fallback = try date(document.transactionDetail?.transactionTimestamp,
                                field: "transactionDetail.transactionTimestamp") ?? today
        let failure = organization.dnbAssessment?.failureScore
        let failureField = "organization.dnbAssessment.failureScore"
        let failureDate = try date(failure?.scoreDate, field: "\(failureField).scoreDate") ?? fallback

        let defaults = defaultEvents(of: organization)
        if !defaults.isEmpty {
            return [rating(DnBBureau.failureClassScale, date: failureDate, value: .inDefault, events: defaults)]
        }

        var ratings: [BureauRating] = []
        if let score = failure?.classScore {
            guard (1...5).contains(score) else {
                throw DnBError(.invalidResponse, status: status, field: "\(failureField).classScore",
                               message: "class \(score) is not in 1...5")
            }
            ratings.append(rating(DnBBureau.failureClassScale, date: failureDate, value: .score(score)))
        } else {
            ratings.append(rating(DnBBureau.failureClassScale, date: failureDate, value: .notRated))
        }
        if let paydex = try paydex(of: organization, fallback: fallback) { ratings.append(paydex) }
        return ratings
    }

    /// Why the buyer is in default, in D&B's words; empty when it is not.
    private func defaultEvents(of organization: DnBDocument.Organization) -> [String] {
        var events: [String] = []
        let operating = organization.dunsControlStatus?.operatingStatus?.description
        if organization.dunsControlStatus?.isOutOfBusiness == true
            || operating?.lowercased().contains("out of business") == true {
            events.append("out of business" + (operating.map { " (operating status: \($0))" } ?? ""))
        }
        if organization.legalEvents?.hasOpenBankruptcy == true { events.append("open bankruptcy") }
        return events
    }

    /// The first PAYDEX score found, dated by its trading summary.
    private func paydex(of organization: DnBDocument.Organization, fallback: CalendarDate) throws -> BureauRating? {
        for (tradingIndex, trading) in (organization.businessTrading ?? []).enumerated() {
            for (summaryIndex, summary) in (trading.summary ?? []).enumerated() {
                guard let score = summary.paydexScore else { continue }
                let path = "organization.businessTrading[\(tradingIndex)]"
                guard (1...100).contains(score) else {
                    throw DnBError(.invalidResponse, status: status, field: "\(path).summary[\(summaryIndex)].paydexScore",
                                   message: "PAYDEX \(score) is not in 1...100")
                }
                let date = try date(trading.summaryDate, field: "\(path).summaryDate") ?? fallback
                return rating(DnBBureau.paydexScale, date: date, value: .score(score))
            }
        }
        return nil
    }

    private func rating(_ scale: RatingScale, date: CalendarDate, value: RatingValue,
                        events: [String] = []) -> BureauRating {
        BureauRating(source: "dnb", scaleID: scale.id, buyerIdentifier: duns, ratedOn: date, value: value,
                     adverseEvents: events)
    }

    /// The date of `2026-09-30` or `2026-09-30T10:00:00Z`; `nil` when absent.
    private func date(_ text: String?, field: String) throws -> CalendarDate? {
        guard let text else { return nil }
        guard let date = try? CalendarDate(parsing: String(text.prefix(10))) else {
            throw DnBError(.invalidResponse, status: status, field: field, message: "\"\(text)\" is not a date")
        }
        return date
    }
}

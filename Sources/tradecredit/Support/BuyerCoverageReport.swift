import Foundation
import TradeCredit

/// The buyers with whether a policy covers them, as a table, CSV or JSON.
struct BuyerCoverageReport {
    struct Entry: Encodable {
        let record: BuyerRecord
        let covered: Bool
        let reason: String?
    }

    let entries: [Entry]

    init(records: [BuyerRecord], policy: PolicyTerms) {
        entries = records.map { record in
            let buyer = record.buyer
            let reason: String?
            if buyer.isRelatedParty {
                reason = "related party"
            } else if !policy.coveredBuyerCategories.contains(buyer.category) {
                reason = "category \(buyer.category.rawValue) not covered"
            } else if !policy.territory.contains(buyer.country) {
                reason = "country \(buyer.country) not covered"
            } else {
                reason = nil
            }
            return Entry(record: record, covered: reason == nil, reason: reason)
        }
    }

    private static let titles = ["ID", "Legal name", "Country", "Category", "Sector", "Identifiers", "Requested limit",
                                 "Terms", "Covered"]

    func table() -> TextTable {
        var table = TextTable([("ID", .left), ("Legal name", .left), ("Country", .left), ("Category", .left),
                               ("Sector", .left), ("Identifiers", .left), ("Requested limit", .right),
                               ("Terms", .right), ("Covered", .left)])
        for row in cells() { table.append(row) }
        return table
    }

    func csv() -> String {
        CSVText.document([BuyerCoverageReport.titles] + cells())
    }

    private func cells() -> [[String]] {
        entries.map { entry in
            let buyer = entry.record.buyer
            return [
                buyer.id.rawValue, buyer.legalName, buyer.country.code, buyer.category.rawValue,
                buyer.sector?.description ?? "-",
                buyer.identifiers.first.map { $0.description + (buyer.identifiers.count > 1 ? " +\(buyer.identifiers.count - 1)" : "") } ?? "-",
                entry.record.requestedLimit.map(MoneyText.grouped) ?? "-",
                entry.record.paymentTermsDays.map { "\($0) d" } ?? "-",
                entry.covered ? "yes" : "no: \(entry.reason ?? "")",
            ]
        }
    }
}

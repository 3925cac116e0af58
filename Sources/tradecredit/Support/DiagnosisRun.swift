import Foundation
import TradeCredit

/// `diagnose`'s composition: reads the ledger, the profile, the ratings, the policy and the rates, and runs the
/// diagnosis engine. Every engine error comes back as an ``InputError`` naming the file, line and column at fault.
struct DiagnosisRun {
    /// The inputs as the command line gives them (`nil` ledger/profile text: read the path).
    struct Inputs {
        var ledgerName: String
        var ledgerText: String
        var profileName: String
        var profileText: String
        var ratings: String?
        var policy: String?
        var rates: String
        var asOf: CalendarDate
    }

    /// What the report shows besides the diagnosis.
    struct Result {
        let sellerName: String?
        let profile: SellerProfile
        let terms: PolicyTerms
        let ledgerFile: String
        let ratings: String
        /// The rates' source and its last publication used, when an amount was converted.
        let rates: (source: String, date: CalendarDate)?
        let invoiceCount: Int
        let paymentCount: Int
        let diagnosis: Diagnosis
    }

    static func run(_ inputs: Inputs) async throws -> Result {
        let ledger = try LedgerFile(parsing: inputs.ledgerText, file: inputs.ledgerName)
        let document = try profile(inputs.profileText, file: inputs.profileName)
        let seller = document.profile
        let terms = try inputs.policy.map { try JSONInput.policy(at: $0) } ?? defaultTerms(seller, asOf: inputs.asOf)
        let bureau = try RatingsFile.open(inputs.ratings)
        var ratings: [String: [BureauRating]] = [:]
        for buyer in ledger.ledger.buyers where !buyer.identifiers.isEmpty {
            let found = bureau.ratingsNow(for: BuyerQuery(identifiers: buyer.identifiers, legalName: buyer.name,
                                                          country: buyer.country))
            if !found.isEmpty { ratings[buyer.id] = found }
        }
        let rates = try await rateTable(for: ledger.ledger, seller: seller, asOf: inputs.asOf, source: inputs.rates)
        let scenario = CoverScenario(terms: terms, ratings: ratings,
                                     scales: bureau.scales.values.sorted { $0.id < $1.id })
        let diagnosis: Diagnosis
        do {
            diagnosis = try TradeCreditDiagnosis.diagnose(
                seller: seller, ledger: ledger.ledger, evaluationDate: inputs.asOf, rates: rates?.table,
                conversion: rates?.policy ?? ConversionPolicy(), countryCategories: document.countryCategories, thresholds: document.thresholds, cover: scenario)
        } catch let error as DiagnosisError {
            throw locate(error, ledger: ledger, profile: inputs.profileName, policy: inputs.policy)
        }
        return Result(sellerName: document.name, profile: seller, terms: terms, ledgerFile: inputs.ledgerName,
                      ratings: inputs.ratings ?? "sample", rates: rates.map { ($0.table.source, $0.lastPublication) },
                      invoiceCount: ledger.ledger.invoices.count, paymentCount: ledger.ledger.payments.count,
                      diagnosis: diagnosis)
    }

    /// The profile file, decoded; an unknown key is an error naming it.
    static func profile(_ text: String, file: String) throws -> SellerProfileDocument {
        if let unknown = SellerProfileDocument.unknownKeys(in: Data(text.utf8)).first {
            throw InputError(file: file, field: unknown, "unknown key; a profile has "
                             + SellerProfileDocument.keys.sorted().joined(separator: ", "))
        }
        do { return try JSONInput.decode(SellerProfileDocument.self, from: text, file: file) } catch let error as DiagnosisError {
            throw InputError(file: file, field: error.field, error.message + (error.value.map { " (\"\($0)\")" } ?? ""))
        }
    }

    /// The typical terms (DOMAIN.md §2) in the reporting currency, for the year after the as-of date.
    static func defaultTerms(_ seller: SellerProfile, asOf: CalendarDate) throws -> PolicyTerms {
        let start = try asOf.adding(days: 1)
        let period = try DatePeriod(start: start, end: try start.adding(days: 364))
        return PolicyTerms.typical(policyID: "DIAGNOSIS", currency: seller.reportingCurrency, period: period)
    }

    /// The rates from the first invoice to the as-of date, or to the source's last publication when the as-of date is
    /// after it (later amounts then convert at that publication); `nil` when nothing needs converting.
    static func rateTable(for ledger: SellerLedger, seller: SellerProfile, asOf: CalendarDate,
                          source text: String) async throws
        -> (table: RateTable, lastPublication: CalendarDate, policy: ConversionPolicy)? {
        // Refused at once when remote; a file is read only when an amount needs converting.
        let rates = try OfflineRates(text, command: "diagnose", opensFileAtOnce: false)
        defer { rates.close() }
        let needed = ledger.invoices.contains { $0.amount.currency != seller.reportingCurrency }
            || (seller.annualTurnover.map { $0.currency != .EUR } ?? false)
        guard needed, let first = ledger.invoices.map(\.invoiceDate).min() else { return nil }
        let latest = try await rates.publication(for: nil, policy: ConversionPolicy()).date
        let end = min(asOf, latest)
        let policy = ConversionPolicy(maxLookbackDays: max(7, asOf.days(since: latest)))
        let table = try await rates.rateTable(from: min(first, end), through: end, policy: policy)
        // Valid through the as-of date: an invoice after the last publication converts at it.
        return (try RateTable(source: table.source, publications: table.publications, validThrough: asOf), end, policy)
    }

    /// An engine error at the file it comes from: the ledger's line and column, the profile's field, the policy.
    static func locate(_ error: DiagnosisError, ledger: LedgerFile, profile: String, policy: String?) -> InputError {
        let field = error.field ?? ""
        let detail = error.message + (error.value.map { " (\"\($0)\")" } ?? "")
        if ["invoices[", "payments[", "buyers["].contains(where: field.hasPrefix) { return ledger.locate(error) }
        if field.hasPrefix("seller.") {
            return InputError(file: profile, field: String(field.dropFirst("seller.".count)), detail)
        }
        if field.hasPrefix("thresholds") || field.hasPrefix("countryCategories") {
            return InputError(file: profile, field: field, detail)
        }
        if field.hasPrefix("cover.") {
            return InputError(file: policy ?? "policy", field: String(field.dropFirst("cover.".count)), detail)
        }
        return InputError(file: ledger.file, field: error.field, detail)
    }
}

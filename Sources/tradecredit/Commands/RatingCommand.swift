import ArgumentParser
import Foundation
import TradeCredit

/// `tradecredit rating`: what a bureau says about one buyer, and the PD it maps to.
struct RatingCommand: AsyncParsableCommand {
    private static let creditsafe = RemoteBureau.creditsafe.credentialVariables
    private static let dnb = RemoteBureau.dnb.credentialVariables

    static let configuration = CommandConfiguration(
        commandName: "rating",
        abstract: "Look a buyer up in a rating bureau: native ratings, mapped PDs, dates.",
        discussion: """
        --bureau sample (default) reads the embedded fictional ratings of the sample
        buyers; file:PATH reads a ratings file (JSON or CSV, see Documentation/CLI.md).
        creditsafe (Creditsafe Connect) and dnb (D&B Direct+, by D-U-N-S number only)
        are asked over the network, with credentials from environment variables:
          creditsafe  \(creditsafe.user), \(creditsafe.secret)
          dnb         \(dnb.user), \(dnb.secret)
        --base-url replaces their default address (\(CreditsafeBureau.defaultBaseURL.absoluteString),
        \(DnBBureau.defaultBaseURL.absoluteString)). The PD maps are illustrative.

        Examples:
          tradecredit rating --id siren:319720074 --as-of 2026-11-27
          tradecredit rating --id vat:DE829110904 --bureau file:ratings.json
          tradecredit rating --id siren:732829320 --bureau creditsafe
          tradecredit rating --id duns:150483782 --bureau dnb --format json
        """
    )

    @Option(help: ArgumentHelp("The buyer's identifier, SCHEME:VALUE (siren, siret, lei, duns, vat, gb-crn, …).",
                               valueName: "SCHEME:VALUE"))
    var id: String

    @Option(help: ArgumentHelp("The buyer's country (ISO 3166-1 alpha-2), for bureaus that search by country.",
                               valueName: "CODE"))
    var country: String?

    @Option(help: ArgumentHelp("The bureau: sample, file:PATH, creditsafe or dnb.", valueName: "BUREAU"))
    var bureau: String = "sample"

    @Option(name: .customLong("base-url"),
            help: ArgumentHelp("Address of the Creditsafe or D&B API (creditsafe and dnb only).", valueName: "URL"))
    var baseURL: String?

    @Option(name: .customLong("as-of"),
            help: ArgumentHelp("The date the ages of the ratings are counted to, YYYY-MM-DD (default: today in UTC).",
                               valueName: "DATE"))
    var asOf: String?

    @Option(help: "Output format: table or json.")
    var format: DemoCommand.Format = .table

    func run() async throws {
        let identifier: BuyerIdentifier
        do { identifier = try BuyerIdentifier(parsing: id) } catch let error as ModelError {
            throw InputError(flag: "--id", error)
        }
        let countryCode: CountryCode? = try country.map { text in
            do { return try CountryCode(text) } catch let error as ModelError { throw InputError(flag: "--country", error) }
        }
        let today = try asOf.map { try FlagValue.date($0, flag: "--as-of") } ?? SystemDate.today()
        let choice = try BureauChoice(parsing: bureau)
        let query = BuyerQuery(identifiers: [identifier], country: countryCode ?? identifier.country)
        let report: RatingReport
        switch choice {
        case .sample, .file:
            if baseURL != nil {
                throw InputError(file: "--base-url", "only the creditsafe and dnb bureaus take a base URL, not \(bureau)")
            }
            let source = try openLocal(choice)
            report = RatingReport(query: query, scales: ScaleLookup(bureau: source),
                                  ratings: try await source.ratings(for: query), today: today)
        case .remote(let remote):
            let url = try RemoteService.baseURL(baseURL)
            if remote == .dnb {
                try Self.checkDnBCanFind(identifier, country: query.country)
            }
            let credentials = try remote.credentials(from: ProcessInfo.processInfo.environment)
            report = try await RemoteService.withClient { client in
                let source = remote.open(baseURL: url, credentials: credentials, client: client)
                let ratings = try await RemoteService.mappingErrors(source: remote.rawValue, hint: remote.credentialHint) {
                    // A key of the bureau's own that it does not know (a DUNS, a connectId) is a buyer it does not
                    // know: no rating, as with the other bureaus.
                    do { return try await source.ratings(for: query) } catch let error as any AdapterError
                        where error.failure == .notFound { return [] }
                }
                return RatingReport(query: query, scales: ScaleLookup(bureau: source), ratings: ratings,
                                    today: today)
            }
        }
        switch format {
        case .json: print(try JSONOutput.string(report))
        case .table: print(report.text)
        }
    }

    /// D&B finds a buyer by its D-U-N-S number, or matches it by a registration number in a known country
    /// (`cleanseMatch`); any other identifier would return nothing without asking, so it is refused here.
    private static func checkDnBCanFind(_ identifier: BuyerIdentifier, country: CountryCode?) throws {
        switch identifier.scheme {
        case .duns:
            return
        case .siren, .siret, .gbCompanyNumber, .registry:
            guard country != nil else {
                throw InputError(file: "--country", "the dnb bureau matches \(identifier.scheme) numbers within a "
                                 + "country: give --country")
            }
        default:
            throw InputError(file: "--id", "the dnb bureau finds buyers by D-U-N-S number (duns:VALUE) or matches "
                             + "them by registration number (siren, siret, gb-crn, registry:…)")
        }
    }

    private func openLocal(_ choice: BureauChoice) throws -> FileRatingBureau {
        guard case .file(let path) = choice else { return try RatingsFile.open(nil) }
        return try RatingsFile.open(path)
    }
}

/// Today's calendar date in UTC, for ages of ratings.
enum SystemDate {
    static func today() -> CalendarDate {
        let days = Int((Date().timeIntervalSince1970 / 86_400).rounded(.down))
        return (try? CalendarDate(daysSinceEpoch: days)) ?? (try! CalendarDate(daysSinceEpoch: 0))
    }
}

/// The rating scales a report reads ratings on, by id, for any bureau: the bureau's own scale first, then a file
/// bureau's scales (its custom ones), the file bureau's built-in scales, and D&B's two scales (PAYDEX, the second
/// scale of `DnBBureau`, is no bureau's declared `scale`).
struct ScaleLookup {
    private let scales: [String: RatingScale]

    init(bureau: any RatingBureau) {
        var scales = DnBBureau.scales
        scales.merge(FileRatingBureau.builtInScales) { $1 }
        if let file = bureau as? FileRatingBureau { scales.merge(file.scales) { $1 } }
        scales[bureau.scale.id] = bureau.scale
        self.scales = scales
    }

    /// The scale with this id, or `nil`.
    subscript(id: String) -> RatingScale? { scales[id] }
}

/// The output of `rating`.
struct RatingReport: Encodable {
    struct Line: Encodable {
        let source: String
        let scale: String
        let value: RatingValue
        let probabilityOfDefault: Double?
        let ratedOn: CalendarDate
        let ageInDays: Int
        let identifier: BuyerIdentifier
        let suggestedLimit: Money?
        let adverseEvents: [String]
        let illustrativeMap: Bool
    }

    let query: BuyerQuery
    let ratings: [Line]

    init(query: BuyerQuery, scales: ScaleLookup, ratings: [BureauRating], today: CalendarDate) {
        self.query = query
        self.ratings = ratings.map { rating in
            let scale = scales[rating.scaleID]
            return Line(source: rating.source, scale: rating.scaleID,
                        value: scale?.normalized(rating.value) ?? rating.value,
                        probabilityOfDefault: (try? scale?.probabilityOfDefault(for: rating.value)) ?? nil,
                        ratedOn: rating.ratedOn, ageInDays: rating.ageInDays(on: today),
                        identifier: rating.buyerIdentifier, suggestedLimit: rating.suggestedLimit,
                        adverseEvents: rating.adverseEvents, illustrativeMap: scale?.pdMap.isIllustrative ?? true)
        }
    }

    var text: String {
        guard !ratings.isEmpty else { return "No rating for \(query.identifiers.map(\.description).joined(separator: ", "))." }
        var table = TextTable([("Source", .left), ("Scale", .left), ("Rating", .left), ("PD", .right), ("Rated on", .left),
                               ("Age", .right), ("Suggested limit", .right), ("Adverse", .left)])
        for line in ratings {
            let pd = line.probabilityOfDefault.map { String(format: "%.2f%%", $0 * 100) } ?? "-"
            table.append([line.source, line.scale, line.value.description, pd, line.ratedOn.description,
                          "\(line.ageInDays) d", line.suggestedLimit.map(MoneyText.grouped) ?? "-",
                          line.adverseEvents.isEmpty ? "-" : line.adverseEvents.joined(separator: "; ")])
        }
        return table.render() + "\nPD maps are illustrative (not calibrated on data)."
    }
}

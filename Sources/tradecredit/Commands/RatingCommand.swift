import ArgumentParser
import Foundation
import TradeCredit

/// `tradecredit rating`: what a bureau says about one buyer, and the PD it maps to.
struct RatingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rating",
        abstract: "Look a buyer up in a rating bureau: native ratings, mapped PDs, dates.",
        discussion: """
        --bureau sample (default) reads the embedded fictional ratings of the sample buyers; file:PATH reads a
        ratings file (JSON or CSV, see Documentation/CLI.md). The Creditsafe and D&B adapters are not built yet.
        The PD maps are illustrative.

        Examples:
          tradecredit rating --id siren:319720074
          tradecredit rating --id vat:DE829110904 --bureau file:ratings.json --format json
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
        let source = try openBureau()
        let query = BuyerQuery(identifiers: [identifier], country: countryCode ?? identifier.country)
        let report = RatingReport(query: query, bureau: source, ratings: try await source.ratings(for: query),
                                  today: SystemDate.today())
        switch format {
        case .json: print(try JSONOutput.string(report))
        case .table: print(report.text)
        }
    }

    private func openBureau() throws -> FileRatingBureau {
        if bureau == "sample" { return FileRatingBureau.sample() }
        if bureau.hasPrefix("file:") {
            let path = String(bureau.dropFirst(5))
            do { return try FileRatingBureau(contentsOf: URL(fileURLWithPath: path)) } catch let error as FileBureauError {
                throw InputError(file: path, line: error.line, field: error.field,
                                 error.message + (error.value.map { " (\"\($0)\")" } ?? ""))
            }
        }
        if bureau == "creditsafe" || bureau == "dnb" {
            throw InputError(file: "--bureau", "the \(bureau) adapter is not built yet; use sample or file:PATH")
        }
        throw InputError(file: "--bureau", "expected sample, file:PATH, creditsafe or dnb (\"\(bureau)\")")
    }
}

/// Today's calendar date in UTC, for ages of ratings.
enum SystemDate {
    static func today() -> CalendarDate {
        let days = Int((Date().timeIntervalSince1970 / 86_400).rounded(.down))
        return (try? CalendarDate(daysSinceEpoch: days)) ?? (try! CalendarDate(daysSinceEpoch: 0))
    }
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

    init(query: BuyerQuery, bureau: FileRatingBureau, ratings: [BureauRating], today: CalendarDate) {
        self.query = query
        self.ratings = ratings.map { rating in
            let scale = bureau.scales[rating.scaleID]
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

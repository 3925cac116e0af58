import ArgumentParser
import Foundation
import TradeCredit

/// `tradecredit resolve`: a legal entity from GLEIF, by LEI or by name, with the identifiers that match it.
struct ResolveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Find a legal entity in the GLEIF register (LEI, legal name, registration number).",
        discussion: """
        Fetches from GLEIF (free, no key; CC0 data) or from --base-url. Prints the legal name, country, status,
        registration authority and number, and the identifiers they give (lei:, registry:, siren:).

        Examples:
          tradecredit resolve --id lei:529900T8BM49AURSDO55
          tradecredit resolve --name "Acme" --country FR --format json
        """
    )

    @Option(help: ArgumentHelp("An LEI, lei:VALUE.", valueName: "lei:VALUE"))
    var id: String?

    @Option(help: ArgumentHelp("A legal name to search for.", valueName: "NAME"))
    var name: String?

    @Option(help: ArgumentHelp("Restrict a name search to a country (ISO 3166-1 alpha-2).", valueName: "CODE"))
    var country: String?

    @Option(help: ArgumentHelp("Most entities a name search returns.", valueName: "N"))
    var limit: Int = 10

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Address of the GLEIF API.", valueName: "URL"))
    var baseURL: String?

    @Option(help: "Output format: table or json.")
    var format: DemoCommand.Format = .table

    func validate() throws {
        guard (id == nil) != (name == nil) else { throw ValidationError("give either --id or --name") }
        guard (1...200).contains(limit) else { throw ValidationError("--limit must be from 1 to 200") }
    }

    func run() async throws {
        let countryCode: CountryCode? = try country.map { text in
            do { return try CountryCode(text) } catch let error as ModelError { throw InputError(flag: "--country", error) }
        }
        var url = GLEIFRegistry.defaultBaseURL
        if let baseURL {
            guard let parsed = URL(string: baseURL), ["http", "https"].contains(parsed.scheme?.lowercased() ?? "") else {
                throw InputError(file: "--base-url", "expected an http or https URL (\"\(baseURL)\")")
            }
            url = parsed
        }
        let lei: BuyerIdentifier? = try id.map { text in
            do {
                let identifier = try BuyerIdentifier(parsing: text)
                guard identifier.scheme == .lei else { throw InputError(file: "--id", "expected lei:VALUE (\"\(text)\")") }
                return identifier
            } catch let error as ModelError { throw InputError(flag: "--id", error) }
        }
        let curl: CurlHTTPClient
        do { curl = try CurlHTTPClient() } catch let error as HTTPError { throw CommandFailure(description: error.description) }
        defer { curl.shutdown() }
        let registry = GLEIFRegistry(baseURL: url, client: RetryingHTTPClient(wrapping: curl))
        let entities: [LegalEntity]
        do {
            if let lei {
                entities = try await registry.entity(lei: lei).map { [$0] } ?? []
            } else {
                entities = try await registry.search(name: name ?? "", country: countryCode, limit: limit)
            }
        } catch let error as GLEIFError {
            throw CommandFailure(description: "gleif: \(error.description)")
        }
        switch format {
        case .json: print(try JSONOutput.string(entities))
        case .table:
            guard !entities.isEmpty else {
                print("No entity found.")
                return
            }
            var table = TextTable([("LEI", .left), ("Legal name", .left), ("Country", .left), ("Status", .left),
                                   ("Identifiers", .left)])
            for entity in entities {
                table.append([entity.lei.value, entity.legalName, entity.country.code, entity.status.rawValue,
                              entity.identifiers.dropFirst().map(\.description).joined(separator: " ")])
            }
            print(table.render())
        }
    }
}

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
        if let name, name.trimmingCharacters(in: .whitespaces).isEmpty {
            throw InputError(file: "--name", "the name to search for is empty")
        }
        let countryCode: CountryCode? = try country.map { text in
            do { return try CountryCode(text) } catch let error as ModelError { throw InputError(flag: "--country", error) }
        }
        let url = try RemoteService.baseURL(baseURL) ?? GLEIFRegistry.defaultBaseURL
        let lei: BuyerIdentifier? = try id.map { text in
            do {
                let identifier = try BuyerIdentifier(parsing: text)
                guard identifier.scheme == .lei else { throw InputError(file: "--id", "expected lei:VALUE (\"\(text)\")") }
                return identifier
            } catch let error as ModelError { throw InputError(flag: "--id", error) }
        }
        let entities: [LegalEntity] = try await RemoteService.withClient { client in
            let registry = GLEIFRegistry(baseURL: url, client: client)
            return try await RemoteService.mappingErrors(source: "gleif") {
                if let lei { return try await registry.entity(lei: lei).map { [$0] } ?? [] }
                return try await registry.search(name: name ?? "", country: countryCode, limit: limit)
            }
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

public import Foundation
public import TradeCreditModel

/// Insurance premium tax on credit insurance by the policyholder's country, with the source of each rate.
///
/// The rates are those of the tax law as far as this SDK could check them without access to the texts at build time;
/// every entry says whether it is ``Entry/isIllustrative``: an illustrative rate must be checked against the current
/// law before use. `PricingParameters.premiumTaxRate` overrides the table. Export credit insurance is often exempt
/// (France: CGI art. 995); the table gives the domestic rate.
public struct PremiumTaxTable: Hashable, Sendable, Codable {
    /// One country's rate.
    public struct Entry: Hashable, Sendable, Codable {
        /// The country.
        public let country: CountryCode
        /// The rate on the premium (0.09 for 9%).
        public let rate: Decimal
        /// The tax and the law that sets it.
        public let source: String
        /// Whether the rate is illustrative (not asserted from a checked source).
        public let isIllustrative: Bool

        public init(country: CountryCode, rate: Decimal, source: String, isIllustrative: Bool) {
            self.country = country
            self.rate = rate
            self.source = source
            self.isIllustrative = isIllustrative
        }
    }

    /// The entries, one per country.
    public let entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    /// The entry for `country`, if any.
    public func entry(for country: CountryCode) -> Entry? { entries.first { $0.country == country } }

    /// The default table (rules version ``TradeCreditPricing/rulesVersion``).
    ///
    /// - FR 9%: taxe spéciale sur les conventions d'assurance (TSCA), Code général des impôts art. 991 (the tax) and
    ///   1001 (the tariff; 9% for the insurances not named elsewhere, which include credit insurance); the example of
    ///   DOMAIN.md §5. BOFiP BOI-TCAS-20150401 describes the tax; art. 995 lists the exemptions.
    /// - DE 19%: Versicherungsteuergesetz § 6 (1), the general rate ("19 Prozent des Versicherungsentgelts ohne
    ///   Versicherungsteuer"); credit insurance is not among the exceptions of § 6 (2). Text read at
    ///   versicherungsgesetze.de/versicherungsteuergesetz/0006.htm.
    /// - GB 12%: Insurance Premium Tax (Finance Act 1994 ss. 48–74), standard rate since 1 June 2017 (secondary sources:
    ///   insurers' and brokers' notes of the 2017 rise from 10% to 12%); credit insurance is not among the exemptions.
    /// - ES 8%: Impuesto sobre las Primas de Seguros, Ley 13/1996 art. 12, 8% since 2021 (illustrative).
    /// - IT 12.5%: imposta sulle assicurazioni, Legge 1216/1961, credit class (illustrative).
    /// - BE 9.25%: taxe annuelle sur les contrats d'assurance, Code des droits et taxes divers art. 175/1 (illustrative).
    /// - NL 21%: assurantiebelasting, Wet op belastingen van rechtsverkeer art. 24 (illustrative).
    public static let standard = PremiumTaxTable(entries: [
        entry("FR", "0.09", "TSCA, CGI art. 991 and 1001 (9%); DOMAIN.md §5", illustrative: false),
        entry("DE", "0.19", "Versicherungsteuergesetz § 6 (1), general rate", illustrative: false),
        entry("GB", "0.12", "Insurance Premium Tax, Finance Act 1994 ss. 48-74, standard rate since 2017-06-01",
              illustrative: false),
        entry("ES", "0.08", "Impuesto sobre las Primas de Seguros, Ley 13/1996 art. 12", illustrative: true),
        entry("IT", "0.125", "Imposta sulle assicurazioni, Legge 1216/1961 (credit)", illustrative: true),
        entry("BE", "0.0925", "Taxe annuelle sur les contrats d'assurance, CDTD art. 175/1", illustrative: true),
        entry("NL", "0.21", "Assurantiebelasting, Wet BRV art. 24", illustrative: true),
    ])

    private static func entry(_ country: String, _ rate: String, _ source: String, illustrative: Bool) -> Entry {
        // The literals above are valid ISO 3166 codes and decimal numbers.
        Entry(country: try! CountryCode(country), rate: Decimal(string: rate)!, source: source,
              isIllustrative: illustrative)
    }
}

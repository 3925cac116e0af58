public import Foundation
public import TradeCreditModel

/// A `RatingBureau` that reads ratings from a local file: the CLI's offline default and the source of the sample
/// data (``sample()``).
///
/// The file holds ratings copied from bureaus (or made up, source `file`), each naming its buyer by one or more
/// identifiers, its scale, its date and its value. Two formats carry the same fields:
///
/// **JSON** (`.json`):
/// ```json
/// {"version": 1,
///  "scales": [ …optional custom RatingScale JSON… ],
///  "ratings": [
///    {"identifiers": ["siren:194482246", "vat:FR92194482246"], "source": "creditsafe",
///     "scale": "creditsafe-international", "ratedOn": "2026-09-15", "score": 72,
///     "suggestedLimit": {"amount": "150000.00", "currency": "EUR"}, "adverse": ["Late filing of accounts"]}
///  ]}
/// ```
/// - `version` must be `1`; unknown keys are errors at every level.
/// - `identifiers`: a non-empty array of identifiers in the `SCHEME:VALUE` text form of `BuyerIdentifier`.
/// - `source` (optional, default `"file"`): the bureau whose rating this copies, 1 to 32 lower-case ASCII letters,
///   digits, `-`, `_` or `.`.
/// - `scale`: the id of a built-in scale (``builtInScales``) or of one in `scales`.
/// - `ratedOn`: `YYYY-MM-DD`.
/// - exactly one of `grade` (a string), `score` (an integer) or `state` (`"notRated"` or `"inDefault"`).
/// - `suggestedLimit` (optional): `amount` as a decimal **string**, at most the currency's minor units, not
///   negative; `currency` an ISO 4217 code.
/// - `adverse` (optional): non-empty strings.
/// - `scales` (optional): `RatingScale` JSON, validated by the model; a custom scale replaces a built-in one with
///   the same id, and an id may appear once.
///
/// **CSV** (`.csv`, UTF-8, RFC 4180 quoting, columns found by name in any order):
/// ```
/// identifiers,scale,rated_on,value,suggested_limit,currency,adverse
/// "siren:194482246;vat:FR92194482246",creditsafe-international,2026-09-15,72,150000.00,EUR,Late filing of accounts
/// ```
/// - `identifiers`, `scale`, `rated_on` and `value` are required columns; `suggested_limit`, `currency`, `adverse`
///   and `source` are optional columns. Any other column is an error.
/// - `identifiers` and `adverse` are `;`-separated lists. A CSV file uses the built-in scales only (custom scales
///   need the JSON format).
/// - `value`: `NR` (not rated), `DEFAULT` (in default), an integer score on a score scale, or a grade on a grade
///   scale. `suggested_limit` and `currency` are both empty or both present.
///
/// **Values and scales.** A value must be on its scale: a grade of a grade scale, a score within a score scale's
/// range, or one of the scale's not-rated or in-default labels. Special labels are stored as their states
/// (`E` on Creditsafe → *not rated*, `P` at the Banque de France → *in default*, 10 on Allianz Trade → *in
/// default*). On `creditsafe-international`, a score scale, the letters A–D are stored as the scores of
/// ``creditsafeGradeScores``.
///
/// Parsing is strict: the first problem throws a ``FileBureauError`` naming the file, the CSV line or JSON index
/// path, and the field.
public struct FileRatingBureau: RatingBureau {
    /// One rating of the file with every identifier it names.
    struct Entry: Hashable, Sendable {
        let identifiers: [BuyerIdentifier]
        let rating: BureauRating
        /// The position in the file, to keep file order among ratings of one date.
        let index: Int
    }

    /// `"file"`. Each rating's own `BureauRating.source` names the bureau it copies.
    public var name: String { "file" }
    /// The name of the file the ratings come from (its last path component, or the name given).
    public let file: String
    /// The scale of the file's ratings when they all share one; otherwise the scale of the first rating in the
    /// file, and ``creditsafeInternational`` for a file without ratings. Map each rating by its
    /// `BureauRating.scaleID` through ``scales`` instead when a file mixes scales.
    public let scale: RatingScale
    /// Every scale a rating may be on, by id: the built-in scales and the file's custom scales (which replace
    /// built-in ones of the same id).
    public let scales: [String: RatingScale]
    /// The file's ratings, in file order.
    let entries: [Entry]

    /// Every rating of the file, in file order, each carrying the first identifier it names.
    public var allRatings: [BureauRating] { entries.map(\.rating) }

    /// Reads a ratings file: JSON when its name ends in `.json`, CSV when it ends in `.csv`, otherwise JSON when
    /// its first non-blank character is `{` and CSV when not.
    /// - Throws: ``FileBureauError`` `.notFound` for a missing file, `.unreadable` for one that cannot be read or
    ///   is not UTF-8, otherwise as ``init(json:file:)`` and ``init(csv:file:)``.
    public init(contentsOf url: URL) throws {
        let file = url.lastPathComponent
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            let missing = !FileManager.default.fileExists(atPath: url.path)
            throw FileBureauError(missing ? .notFound : .unreadable, file: file,
                                  message: missing ? "no such file" : "the file cannot be read")
        }
        let fileExtension = url.pathExtension.lowercased()
        let isJSON: Bool
        switch fileExtension {
        case "json": isJSON = true
        case "csv": isJSON = false
        default: isJSON = data.first(where: { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }) == UInt8(ascii: "{")
        }
        if isJSON {
            try self.init(json: data, file: file)
        } else {
            guard let text = String(data: data, encoding: .utf8) else {
                throw FileBureauError(.unreadable, file: file, message: "the file is not UTF-8 text")
            }
            try self.init(csv: text, file: file)
        }
    }

    /// Parses a JSON ratings file (see the type's documentation for the format).
    /// - Parameters:
    ///   - json: the file's contents.
    ///   - file: the name used in errors and in ``file``.
    /// - Throws: ``FileBureauError``, its field a JSON index path such as `ratings[2].ratedOn`.
    public init(json: Data, file: String) throws {
        let parsed = try RatingsJSONReader.read(json, file: file)
        self.init(file: file, scales: parsed.scales, entries: parsed.entries)
    }

    /// Parses a CSV ratings file (see the type's documentation for the format).
    /// - Parameters:
    ///   - csv: the file's contents.
    ///   - file: the name used in errors and in ``file``.
    /// - Throws: ``FileBureauError`` naming the 1-based line and the column.
    public init(csv: String, file: String) throws {
        let entries = try RatingsCSVReader.read(csv, file: file, scales: Self.builtInScales)
        self.init(file: file, scales: Self.builtInScales, entries: entries)
    }

    init(file: String, scales: [String: RatingScale], entries: [Entry]) {
        self.file = file
        self.scales = scales
        self.entries = entries
        let scaleIDs = entries.map(\.rating.scaleID)
        if let first = scaleIDs.first, let firstScale = scales[first] {
            self.scale = firstScale
        } else {
            self.scale = Self.creditsafeInternational
        }
    }

    /// The ratings whose identifiers meet the query's, newest first (file order among equal dates); empty when
    /// none does.
    ///
    /// Identifiers are compared in normalised form. A SIREN, a SIRET and a French VAT number meet when they carry
    /// the same SIREN (`BuyerIdentifier.embeddedSIREN`), so a SIREN query finds a rating filed under the SIRET
    /// or VAT number of that company, and the other way round. Each returned rating carries the first of its
    /// identifiers that met the query, one the query names
    /// itself when there is one.
    public func ratingsNow(for query: BuyerQuery) -> [BureauRating] {
        let exact = Set(query.identifiers)
        let wanted = Set(query.identifiers.flatMap(Self.matchKeys))
        guard !wanted.isEmpty else { return [] }
        var found: [(Entry, BuyerIdentifier)] = []
        for entry in entries {
            // An identifier the query names itself is preferred to one that only shares its SIREN.
            if let hit = entry.identifiers.first(where: exact.contains)
                ?? entry.identifiers.first(where: { !wanted.isDisjoint(with: Self.matchKeys($0)) }) {
                found.append((entry, hit))
            }
        }
        found.sort { ($0.0.rating.ratedOn, -$0.0.index) > ($1.0.rating.ratedOn, -$1.0.index) }
        return found.map { entry, hit in
            let rating = entry.rating
            return BureauRating(source: rating.source, scaleID: rating.scaleID, buyerIdentifier: hit,
                                ratedOn: rating.ratedOn, value: rating.value, suggestedLimit: rating.suggestedLimit,
                                adverseEvents: rating.adverseEvents)
        }
    }

    /// As ``ratingsNow(for:)``; never throws (the file was checked when it was read).
    public func ratings(for query: BuyerQuery) async throws -> [BureauRating] {
        ratingsNow(for: query)
    }

    /// The keys an identifier matches on: its text form, and the SIREN it carries.
    static func matchKeys(_ identifier: BuyerIdentifier) -> [String] {
        var keys = [identifier.description]
        if let siren = identifier.embeddedSIREN { keys.append(siren.description) }
        return keys
    }
}

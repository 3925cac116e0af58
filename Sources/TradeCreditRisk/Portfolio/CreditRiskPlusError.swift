/// The error of the CreditRisk+ engine: an obligor or an option that the model cannot take, or a portfolio whose
/// loss distribution does not fit the grid.
///
/// Every error has a stable ``Code``, the obligor (its id) and the field it concerns where there is one, and a one-line
/// message. Its description reads `obligor B7: pd: must be within [0, 1] (1.5)`.
public struct CreditRiskPlusError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, machine-readable error code. New codes may be added; existing ones never change meaning.
    public struct Code: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
        /// The code as text, e.g. `out_of_range`.
        public let rawValue: String

        /// A code from its text.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The code as text.
        public var description: String { rawValue }

        /// A number outside its allowed range: a negative or non-finite exposure, a PD outside [0, 1], a negative
        /// PD standard deviation, an empty obligor id.
        public static let outOfRange = Code(rawValue: "out_of_range")
        /// Sector weights that are missing, negative, unnamed, or do not sum to 1 within 1e-9.
        public static let invalidWeights = Code(rawValue: "invalid_weights")
        /// Two obligors with the same id.
        public static let duplicateObligor = Code(rawValue: "duplicate_obligor")
        /// No obligor at all.
        public static let emptyPortfolio = Code(rawValue: "empty_portfolio")
        /// An option the engine cannot use (a loss unit that is not positive, a level outside (0, 1), …).
        public static let invalidOption = Code(rawValue: "invalid_option")
        /// The distribution needs more grid points than ``CreditRiskPlusOptions/maximumGridPoints``.
        public static let gridTooLarge = Code(rawValue: "grid_too_large")
    }

    /// The stable code of this error.
    public let code: Code
    /// The id of the obligor concerned, when the error is about one.
    public let obligor: String?
    /// The field or option concerned (`exposure`, `pd`, `pdSD`, `sectorWeights`, `sectorWeights[NAME]`, `lossUnit`, …).
    public let field: String?
    /// A one-line explanation for a person.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, obligor: String? = nil, field: String? = nil, _ message: String) {
        self.code = code
        self.obligor = obligor
        self.field = field
        self.message = message
    }

    /// `obligor ID: field: message`, leaving out the parts that are absent.
    public var description: String {
        var text = obligor.map { "obligor \($0): " } ?? ""
        if let field { text += "\(field): " }
        return text + message
    }
}

extension BuyerIdentifier {
    /// The French VAT number of a company: `FR`, a two-digit key (12 + 3 × (SIREN mod 97)) mod 97, then the SIREN.
    ///
    /// `siren(552100554)` gives `vat:FR96552100554`.
    /// - Parameter siren: a SIREN, or a SIRET whose first 9 digits (its SIREN) are used.
    /// - Throws: ``ModelError`` `.invalidOperation`, with the scheme's text as `field`, for any other scheme.
    public static func frenchVAT(forSIREN siren: BuyerIdentifier) throws -> BuyerIdentifier {
        guard let sirenDigits = siren.carriedSIREN, siren.scheme != .vat else {
            throw ModelError(
                .invalidOperation, field: siren.scheme.text, value: siren.value,
                "a French VAT number is derived from a SIREN or a SIRET"
            )
        }
        // A valid SIREN or SIRET always starts with 9 digits, so the conversion cannot fail.
        let key = CheckDigits.frenchVATKey(forSIREN: Int(sirenDigits)!)
        let keyText = key < 10 ? "0\(key)" : "\(key)"
        return try BuyerIdentifier(scheme: .vat, value: "FR\(keyText)\(sirenDigits)")
    }

    /// The SIREN inside a SIRET (its first 9 digits) or a French VAT number (its last 9), or `nil` for any other
    /// identifier, a SIREN included. A French VAT number with an old letter key is checked on shape only, so its
    /// digits may not form a valid SIREN: then this is `nil` too.
    public var embeddedSIREN: BuyerIdentifier? {
        guard scheme != .siren, let digits = carriedSIREN else { return nil }
        return try? BuyerIdentifier(scheme: .siren, value: digits)
    }

    /// The pairs of identifiers, from one buyer's list, that cannot all be right, in list order.
    ///
    /// A SIREN, a SIRET and a French VAT number must carry the same SIREN. Two identifiers of one scheme must have the
    /// same value, except SIRETs (one company has many establishments) and VAT numbers with different prefixes (one
    /// company may be registered in several countries). Exact duplicates are not reported.
    public static func mismatches(in identifiers: [BuyerIdentifier]) -> [IdentifierMismatch] {
        var found: [IdentifierMismatch] = []
        // A buyer has a handful of identifiers, so comparing every pair is cheap.
        for (index, first) in identifiers.enumerated() {
            for second in identifiers[(index + 1)...] {
                if let reason = mismatchReason(first, second) {
                    found.append(IdentifierMismatch(first: first, second: second, reason: reason))
                }
            }
        }
        return found
    }

    /// The 9 SIREN digits this identifier carries: itself for a SIREN, the start of a SIRET, the end of a FR VAT.
    var carriedSIREN: String? {
        switch scheme {
        case .siren: value
        case .siret: String(value.prefix(9))
        case .vat where value.hasPrefix("FR"): String(value.suffix(9))
        default: nil
        }
    }

    private static func mismatchReason(
        _ first: BuyerIdentifier, _ second: BuyerIdentifier
    ) -> IdentifierMismatch.Reason? {
        if let firstSIREN = first.carriedSIREN, let secondSIREN = second.carriedSIREN, firstSIREN != secondSIREN {
            return .differentSIREN
        }
        guard first.scheme == second.scheme, first.value != second.value, first.scheme != .siret else { return nil }
        // A company may be registered for VAT in several countries: only numbers with one prefix must agree.
        if first.scheme == .vat, first.value.prefix(2) != second.value.prefix(2) { return nil }
        return .differentValue
    }
}

/// Two identifiers given for one buyer that contradict each other, as found by ``BuyerIdentifier/mismatches(in:)``.
public struct IdentifierMismatch: Hashable, Sendable, Codable {
    /// Why two identifiers contradict each other.
    public enum Reason: String, Hashable, Sendable, Codable {
        /// A SIREN, SIRET or French VAT number that carries a different SIREN from the other.
        case differentSIREN = "different_siren"
        /// Two identifiers of the same scheme with different values.
        case differentValue = "different_value"
    }

    /// The identifier that comes first in the list.
    public let first: BuyerIdentifier
    /// The identifier that contradicts it.
    public let second: BuyerIdentifier
    /// Why they contradict each other.
    public let reason: Reason

    /// Records a contradiction between `first` and `second`.
    public init(first: BuyerIdentifier, second: BuyerIdentifier, reason: Reason) {
        self.first = first
        self.second = second
        self.reason = reason
    }
}

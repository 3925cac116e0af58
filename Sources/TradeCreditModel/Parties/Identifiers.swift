/// Declares a string-backed identifier type: non-empty, at most 128 characters, trimmed; JSON as a plain string.
public protocol StringIdentifier: RawRepresentable<String>, Hashable, Sendable, Codable, Comparable,
    CustomStringConvertible, ExpressibleByStringLiteral {
    /// The name used in error messages (`"buyer id"`).
    static var fieldName: String { get }
    init(validated rawValue: String)
}

extension StringIdentifier {
    /// Validates `text`: trimmed, non-empty, at most 128 characters. - Throws: ``ModelError`` `.invalidFormat`.
    public init(_ text: String) throws {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty, trimmed.count <= 128, !trimmed.contains(where: \.isNewline) else {
            throw ModelError(.invalidFormat, field: Self.fieldName, value: text,
                             "an identifier is 1 to 128 characters on one line")
        }
        self.init(validated: trimmed)
    }

    public init?(rawValue: String) { try? self.init(rawValue) }

    /// For literals in code and tests; an invalid literal is a programming error.
    public init(stringLiteral value: String) {
        do { try self.init(value) } catch { preconditionFailure("invalid \(Self.fieldName) literal \"\(value)\"") }
    }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do { try self.init(text) } catch let error as ModelError {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// The key of a buyer in the host's records (not a registry identifier: see ``BuyerIdentifier``).
public struct BuyerID: StringIdentifier {
    public static let fieldName = "buyer id"
    public let rawValue: String
    public init(validated rawValue: String) { self.rawValue = rawValue }
}

/// The key of a policyholder (the insured seller).
public struct PolicyholderID: StringIdentifier {
    public static let fieldName = "policyholder id"
    public let rawValue: String
    public init(validated rawValue: String) { self.rawValue = rawValue }
}

/// A policy number.
public struct PolicyID: StringIdentifier {
    public static let fieldName = "policy id"
    public let rawValue: String
    public init(validated rawValue: String) { self.rawValue = rawValue }
}

/// The key of a claim.
public struct ClaimID: StringIdentifier {
    public static let fieldName = "claim id"
    public let rawValue: String
    public init(validated rawValue: String) { self.rawValue = rawValue }
}

/// The key of a credit-limit request or decision.
public struct LimitID: StringIdentifier {
    public static let fieldName = "limit id"
    public let rawValue: String
    public init(validated rawValue: String) { self.rawValue = rawValue }
}

/// The key of a buyer group (a parent company and its affiliates), for accumulation.
public struct BuyerGroupID: StringIdentifier {
    public static let fieldName = "buyer group id"
    public let rawValue: String
    public init(validated rawValue: String) { self.rawValue = rawValue }
}

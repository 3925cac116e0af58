import Foundation
import TradeCreditModel

/// Reads the JSON ratings format described on ``FileRatingBureau``.
enum RatingsJSONReader {
    /// The scales (built-in and custom) and the entries of a JSON file.
    static func read(_ data: Data, file: String) throws -> (scales: [String: RatingScale], entries: [FileRatingBureau.Entry]) {
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: data)
        } catch let error as FileBureauError {
            throw error
        } catch let error as DecodingError {
            throw translate(error, file: file)
        } catch {
            throw FileBureauError(.malformed, file: file, message: "not valid JSON")
        }
        guard document.version == 1 else {
            throw FileBureauError(.unsupportedVersion, file: file, field: "version", value: String(document.version),
                                  message: "only version 1 is supported")
        }
        var scales = FileRatingBureau.builtInScales
        var customIDs: Set<String> = []
        for (index, scale) in document.scales.enumerated() {
            guard customIDs.insert(scale.id).inserted else {
                throw FileBureauError(.invalidScale, file: file, field: "scales[\(index)].id", value: scale.id,
                                      message: "scale defined twice")
            }
            scales[scale.id] = scale
        }
        var entries: [FileRatingBureau.Entry] = []
        for (index, raw) in document.ratings.enumerated() {
            entries.append(try FileRatingBureau.entry(from: raw.rating, at: .json(file: file, index: index),
                                                      valueField: raw.valueField, index: index, scales: scales))
        }
        return (scales, entries)
    }

    /// A `DecodingError` as a ``FileBureauError`` naming the index path.
    static func translate(_ error: DecodingError, file: String) -> FileBureauError {
        let path: [any CodingKey]
        let message: String
        switch error {
        case .typeMismatch(let type, let context):
            path = context.codingPath
            message = "expected \(typeName(type))"
        case .valueNotFound(let type, let context):
            path = context.codingPath
            message = "expected \(typeName(type)), found null"
        case .keyNotFound(let key, let context):
            path = context.codingPath + [key]
            message = "required field missing"
        case .dataCorrupted(let context):
            path = context.codingPath
            message = context.codingPath.isEmpty ? "not valid JSON" : context.debugDescription
        @unknown default:
            return FileBureauError(.malformed, file: file, message: "not valid JSON")
        }
        let field = render(path)
        let code: FileBureauError.Code = field.hasPrefix("scales") ? .invalidScale : .malformed
        return FileBureauError(code, file: file, field: field.isEmpty ? nil : field, message: message)
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "an integer"
        case is [String].Type: "an array of strings"
        default: "\(type)"
        }
    }

    /// `ratings[2].suggestedLimit.amount`.
    static func render(_ path: [any CodingKey]) -> String {
        CodingPathText.render(path)
    }

    /// Any key, to list the keys an object has.
    struct AnyKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Throws when the object has a key outside `allowed`.
    static func rejectUnknownKeys(_ decoder: any Decoder, allowed: Set<String>) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        if let unknown = container.allKeys.first(where: { !allowed.contains($0.stringValue) }) {
            throw DecodingError.dataCorruptedError(
                forKey: unknown, in: container,
                debugDescription: "unknown field; expected \(allowed.sorted().joined(separator: ", "))")
        }
    }

    struct Document: Decodable {
        let version: Int
        let scales: [RatingScale]
        let ratings: [RatingJSON]

        private enum CodingKeys: String, CodingKey { case version, scales, ratings }

        init(from decoder: any Decoder) throws {
            try rejectUnknownKeys(decoder, allowed: ["version", "scales", "ratings"])
            let container = try decoder.container(keyedBy: CodingKeys.self)
            version = try container.decode(Int.self, forKey: .version)
            scales = try container.decodeIfPresent([RatingScale].self, forKey: .scales) ?? []
            ratings = try container.decode([RatingJSON].self, forKey: .ratings)
        }
    }

    struct RatingJSON: Decodable {
        let rating: RawRating
        let valueField: String

        private enum CodingKeys: String, CodingKey {
            case identifiers, source, scale, ratedOn, grade, score, state, suggestedLimit, adverse
        }

        private struct Limit: Decodable {
            let amount: String
            let currency: String

            private enum CodingKeys: String, CodingKey { case amount, currency }

            init(from decoder: any Decoder) throws {
                try rejectUnknownKeys(decoder, allowed: ["amount", "currency"])
                let container = try decoder.container(keyedBy: CodingKeys.self)
                amount = try container.decode(String.self, forKey: .amount)
                currency = try container.decode(String.self, forKey: .currency)
            }
        }

        init(from decoder: any Decoder) throws {
            try rejectUnknownKeys(decoder, allowed: ["identifiers", "source", "scale", "ratedOn", "grade", "score",
                                                     "state", "suggestedLimit", "adverse"])
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let given = [CodingKeys.grade, .score, .state].filter { container.contains($0) }
            guard given.count == 1 else {
                throw DecodingError.dataCorrupted(DecodingError.Context(
                    codingPath: container.codingPath,
                    debugDescription: "a rating has exactly one of grade, score or state (found \(given.count))"))
            }
            let value: RawRating.Value
            switch given[0] {
            case .grade: value = .text(try container.decode(String.self, forKey: .grade))
            case .score:
                // Foundation on Linux reports a fractional number read as Int as invalid JSON, without a path:
                // read it as a Double to name the field.
                if let score = try? container.decode(Int.self, forKey: .score) {
                    value = .score(score)
                } else {
                    let number = try container.decode(Double.self, forKey: .score)
                    throw DecodingError.dataCorruptedError(forKey: .score, in: container,
                                                           debugDescription: "a score is an integer (\(number))")
                }
            default:
                switch try container.decode(String.self, forKey: .state) {
                case "notRated": value = .notRated
                case "inDefault": value = .inDefault
                default:
                    throw DecodingError.dataCorruptedError(forKey: .state, in: container,
                                                           debugDescription: "a state is notRated or inDefault")
                }
            }
            valueField = given[0].stringValue
            let limit = try container.decodeIfPresent(Limit.self, forKey: .suggestedLimit)
            rating = RawRating(
                identifiers: try container.decode([String].self, forKey: .identifiers),
                source: try container.decodeIfPresent(String.self, forKey: .source),
                scale: try container.decode(String.self, forKey: .scale),
                ratedOn: try container.decode(String.self, forKey: .ratedOn),
                value: value, limitAmount: limit?.amount, limitCurrency: limit?.currency,
                adverse: try container.decodeIfPresent([String].self, forKey: .adverse) ?? [])
        }
    }
}

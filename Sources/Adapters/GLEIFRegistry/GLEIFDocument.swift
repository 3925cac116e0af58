import Foundation
import TradeCreditModel

/// Reads GLEIF's JSON:API documents: one `lei-records` resource (`{"data":{…}}`) or a page of them
/// (`{"meta":{"pagination":{…}},"links":{…},"data":[…]}`).
///
/// Only the fields the registry needs are read; anything else is ignored. Every failure is a ``GLEIFError``
/// `.malformed` whose `field` is the JSON path of the offending value.
enum GLEIFDocument {
    /// One page of a search.
    struct Page {
        /// The records, in GLEIF's order.
        let entities: [LegalEntity]
        /// Whether GLEIF says that another page follows (`meta.pagination` or `links.next`).
        let hasNext: Bool
    }

    /// The entity of a single-record document.
    static func entity(from body: Data) throws -> LegalEntity {
        let root = try object(try parse(body), at: "$")
        return try entity(from: try object(root["data"], at: "data"), at: "data")
    }

    /// The entities of a search page, and whether there are more.
    static func page(from body: Data) throws -> Page {
        let root = try object(try parse(body), at: "$")
        guard let data = root["data"] as? [Any] else { throw missing("data", "an array of lei-records") }
        let entities = try data.enumerated().map { index, item in
            try entity(from: try object(item, at: "data[\(index)]"), at: "data[\(index)]")
        }
        return Page(entities: entities, hasNext: try hasNext(root))
    }

    // MARK: - Records

    private static func entity(from resource: [String: Any], at path: String) throws -> LegalEntity {
        let attributesPath = path + ".attributes"
        let attributes = try object(resource["attributes"], at: attributesPath)
        let leiPath = attributesPath + ".lei"
        let leiText = try string(attributes["lei"], at: leiPath)
        let lei: BuyerIdentifier
        do { lei = try BuyerIdentifier(scheme: .lei, value: leiText) } catch let error as ModelError {
            throw GLEIFError(.malformed, field: leiPath, message: "not a valid LEI (\(error.message))")
        }
        let entityPath = attributesPath + ".entity"
        let entity = try object(attributes["entity"], at: entityPath)
        let namePath = entityPath + ".legalName.name"
        let name = try string(try object(entity["legalName"], at: entityPath + ".legalName")["name"], at: namePath)
        let countryPath = entityPath + ".legalAddress.country"
        let countryText = try string(try object(entity["legalAddress"], at: entityPath + ".legalAddress")["country"],
                                     at: countryPath)
        let country: CountryCode
        do { country = try CountryCode(countryText) } catch let error as ModelError {
            throw GLEIFError(.malformed, field: countryPath, message: "not an ISO 3166-1 country (\(error.message))")
        }
        let authority = try optionalString(
            try optionalObject(entity["registeredAt"], at: entityPath + ".registeredAt")?["id"],
            at: entityPath + ".registeredAt.id"
        )
        let number = try optionalString(entity["registeredAs"], at: entityPath + ".registeredAs")
        let status = try optionalString(entity["status"], at: entityPath + ".status")
        let registration = try optionalObject(attributes["registration"], at: attributesPath + ".registration")
        let updatePath = attributesPath + ".registration.lastUpdateDate"
        let lastUpdate = try optionalString(registration?["lastUpdateDate"], at: updatePath).map { text in
            guard let date = timestamp(text) else {
                throw GLEIFError(.malformed, field: updatePath, message: "not an ISO 8601 timestamp: \(text)")
            }
            return date
        }
        do {
            return try LegalEntity(
                lei: lei, legalName: name, country: country, registrationAuthority: authority,
                registrationNumber: number, status: entityStatus(status), lastUpdate: lastUpdate
            )
        } catch let error as ModelError {
            let field = error.field == "legalName" ? namePath : path
            throw GLEIFError(.malformed, field: field, message: error.message)
        }
    }

    private static func entityStatus(_ text: String?) -> LegalEntity.Status {
        switch text?.uppercased() {
        case "ACTIVE": .active
        case "INACTIVE": .inactive
        default: .other
        }
    }

    /// GLEIF writes timestamps with an offset (`2023-06-02T08:31:11+02:00`, `…Z`), sometimes with fractions.
    private static func timestamp(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }

    // MARK: - Pagination

    /// `meta.pagination.currentPage < lastPage` when both are given, otherwise whether `links.next` is a string.
    private static func hasNext(_ root: [String: Any]) throws -> Bool {
        let meta = try optionalObject(root["meta"], at: "meta")
        if let pagination = try optionalObject(meta?["pagination"], at: "meta.pagination"),
           let current = try integer(pagination["currentPage"], at: "meta.pagination.currentPage"),
           let last = try integer(pagination["lastPage"], at: "meta.pagination.lastPage") {
            return current < last
        }
        let links = try optionalObject(root["links"], at: "links")
        return try optionalString(links?["next"], at: "links.next") != nil
    }

    // MARK: - JSON access

    private static func parse(_ body: Data) throws -> Any {
        do {
            return try JSONSerialization.jsonObject(with: body, options: [])
        } catch {
            throw GLEIFError(.malformed, field: "$", message: "the body is not JSON (\(body.count) bytes; empty or cut short?)")
        }
    }

    private static func missing(_ path: String, _ expected: String) -> GLEIFError {
        GLEIFError(.malformed, field: path, message: "expected \(expected)")
    }

    private static func isNull(_ value: Any?) -> Bool { value == nil || value is NSNull }

    private static func object(_ value: Any?, at path: String) throws -> [String: Any] {
        guard let object = value as? [String: Any] else { throw missing(path, "an object") }
        return object
    }

    private static func optionalObject(_ value: Any?, at path: String) throws -> [String: Any]? {
        isNull(value) ? nil : try object(value, at: path)
    }

    private static func string(_ value: Any?, at path: String) throws -> String {
        guard let text = value as? String, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw missing(path, "a non-empty string")
        }
        return text
    }

    private static func optionalString(_ value: Any?, at path: String) throws -> String? {
        if isNull(value) { return nil }
        guard let text = value as? String else { throw missing(path, "a string or null") }
        return text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : text
    }

    /// An integer, given as a JSON number or a numeric string; `nil` when absent.
    private static func integer(_ value: Any?, at path: String) throws -> Int? {
        if isNull(value) { return nil }
        if let text = value as? String, let number = Int(text) { return number }
        if let number = value as? Int { return number }
        if let number = value as? Double, let exact = Int(exactly: number) { return exact }
        if let number = value as? NSNumber, let exact = Int(exactly: number.doubleValue) { return exact }
        throw missing(path, "an integer")
    }
}

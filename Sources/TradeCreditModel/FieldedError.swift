/// An error told in one line as `field: message ("value")`.
///
/// The model's errors and the engines' (claims, indemnity, pricing, tariffs, diagnosis, risk measures) share this
/// shape; conforming gives them the one description instead of a copy each.
public protocol FieldedError: Error, CustomStringConvertible {
    /// The field, path or column concerned, when there is one.
    var field: String? { get }
    /// The offending text, when there is one.
    var value: String? { get }
    /// One line for a person.
    var message: String { get }
}

extension FieldedError {
    /// `field: message ("value")`, one line.
    public var description: String {
        var text = ""
        if let field { text += "\(field): " }
        text += message
        if let value { text += " (\"\(value)\")" }
        return text
    }
}

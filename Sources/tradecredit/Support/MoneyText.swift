import Foundation
import TradeCredit

/// Money and percentages as people read them in a table.
enum MoneyText {
    /// `1,234,567.50 EUR`: the amount with its scale, grouped by thousands.
    static func grouped(_ money: Money) -> String {
        var text = money.rounded().amountText
        var sign = ""
        if text.hasPrefix("-") { sign = "-"; text.removeFirst() }
        let parts = text.split(separator: ".", maxSplits: 1)
        var integer = String(parts[0])
        var groups: [String] = []
        while integer.count > 3 {
            groups.insert(String(integer.suffix(3)), at: 0)
            integer.removeLast(3)
        }
        groups.insert(integer, at: 0)
        let fraction = parts.count > 1 ? "." + parts[1] : ""
        return sign + groups.joined(separator: ",") + fraction + " " + money.currency.code
    }
}

enum Percent {
    /// `90%` for 0.90, `99.5%` for 0.995.
    static func text(_ fraction: Decimal) -> String {
        "\(fraction * 100)%"
    }
}

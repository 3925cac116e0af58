import Foundation
import TradeCreditModel

/// A readable, fixed-width text rendering of a quote: the buyers, the portfolio, each premium step, the rates used and
/// the sensitivity table.
public enum QuoteTable {
    /// The quote as text, one table after another.
    public static func render(_ quote: Quote) -> String {
        var out: [String] = []
        out.append("Quote (\(quote.rulesVersion)), \(quote.currency), insured \(percent(quote.insuredPercentage))")
        out.append("")
        out.append(contentsOf: table(
            ["buyer", "limit", "PD", "EAD", "E (net)", "EL", "capital", "technical"],
            quote.buyers.map { line in
                [line.id, line.limit.amountText, String(format: "%.6g", line.pd), line.exposureAtDefault.amountText,
                 line.netExposure.amountText, line.expectedLoss.amountText, line.capitalCharge.amountText,
                 line.technicalPremium.amountText]
            }))
        out.append("")
        let figures = quote.portfolio
        out.append("Portfolio: level \(figures.level), loss unit \(figures.lossUnit), VaR \(figures.valueAtRisk.amountText),"
            + " EL \(figures.expectedLoss.amountText), capital \(figures.capitalCharge.amountText)")
        out.append("")
        let steps = quote.premium
        var rows: [[String]] = [
            ["technical premium", "Σ (EL + capital)", steps.technical.amountText],
            ["gross", "technical ÷ \(steps.loadingDivisor)", steps.gross.amountText],
            ["bonus / surcharge", percent(steps.adjustmentRate), steps.adjusted.amountText],
            ["minimum premium", steps.minimumApplied ? "applied" : "not applied", steps.minimumPremium.amountText],
            ["premium before tax", "", steps.preTax.amountText],
            ["premium tax", percent(steps.taxRate) + (steps.taxRateIsIllustrative ? " (illustrative)" : ""),
             steps.tax.amountText],
            ["final premium", "", steps.final.amountText],
            ["Σ limits", "", quote.totalLimits.amountText],
        ]
        if let rate = quote.rateOnLimits { rows.append(["rate on limits", "", percent(rate)]) }
        if let turnover = quote.insuredTurnover { rows.append(["insured turnover", "", turnover.amountText]) }
        if let rate = quote.rateOnInsuredTurnover { rows.append(["rate on insured turnover", "", percent(rate)]) }
        out.append(contentsOf: table(["step", "rule", quote.currency.code], rows))
        if !quote.ratesUsed.isEmpty {
            out.append("")
            out.append(contentsOf: table(
                ["currency", "per EUR", "\(quote.currency) per EUR", "cross", "publication", "source"],
                quote.ratesUsed.map { rate in
                    [rate.currency.code, text(rate.ratePerEUR), text(rate.policyCurrencyRatePerEUR), text(rate.crossRate),
                     rate.publicationDate?.description ?? "", rate.source]
                }))
        }
        if !quote.sensitivity.isEmpty {
            out.append("")
            out.append(contentsOf: table(
                ["insured", "EL", "capital", "technical", "before tax", "final", "rate on limits"],
                quote.sensitivity.map { row in
                    [percent(row.insuredPercentage), row.expectedLoss.amountText, row.capitalCharge.amountText,
                     row.technical.amountText, row.preTax.amountText, row.final.amountText,
                     row.rateOnLimits.map(percent) ?? ""]
                }))
        }
        return out.joined(separator: "\n")
    }

    private static func text(_ value: Decimal?) -> String { value.map { "\($0)" } ?? "" }

    private static func percent(_ fraction: Decimal) -> String { "\(fraction * 100)%" }

    /// Columns padded to their widest cell, the first left-aligned and the others right-aligned.
    private static func table(_ header: [String], _ rows: [[String]]) -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + padding : padding + cell
            }.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return [line(header), rule] + rows.map(line)
    }
}

extension Quote: CustomStringConvertible {
    /// The quote as a readable table (``QuoteTable/render(_:)``).
    public var description: String { QuoteTable.render(self) }
}

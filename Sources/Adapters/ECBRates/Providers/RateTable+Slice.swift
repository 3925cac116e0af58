public import TradeCreditModel

extension RateTable {
    /// The publications from `first` through `end`, plus the next one when the table has it, valid through `end` or
    /// that next publication: the next day shows which currencies stopped being quoted (so that a weekend right
    /// after a currency's last quote is not answered with it), and a wider table is never wrong.
    public func slice(from first: CalendarDate, through end: CalendarDate) throws -> RateTable {
        var selected = publications.filter { $0.date >= first && $0.date <= end }
        if let next = publications.first(where: { $0.date > end }) { selected.append(next) }
        let coverage = Swift.max(end, selected.last?.date ?? end)
        return try RateTable(source: source, publications: selected, validThrough: coverage)
    }
}

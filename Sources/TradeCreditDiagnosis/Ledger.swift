public import TradeCreditModel

/// The policyholder whose ledger is diagnosed: sector, country, age and size.
public struct SellerProfile: Hashable, Sendable, Codable {
    /// The seller's own activity (NACE Rev. 2).
    public var sector: NACECode
    /// The seller's country: buyers elsewhere are exports.
    public var country: CountryCode
    /// The date of incorporation, for the firm's age.
    public var incorporationDate: CalendarDate
    /// Headcount (annual work units), when known.
    public var employees: Int?
    /// Annual turnover, when known; converted to EUR for the SME test.
    public var annualTurnover: Money?
    /// The currency every indicator is computed in.
    public var reportingCurrency: CurrencyCode

    /// Creates a profile; size is validated by the diagnosis (negative values are a ``DiagnosisError``).
    public init(sector: NACECode, country: CountryCode, incorporationDate: CalendarDate, employees: Int? = nil,
                annualTurnover: Money? = nil, reportingCurrency: CurrencyCode) {
        self.sector = sector
        self.country = country
        self.incorporationDate = incorporationDate
        self.employees = employees
        self.annualTurnover = annualTurnover
        self.reportingCurrency = reportingCurrency
    }
}

/// A buyer as the seller's ledger knows it: where it is, what it does, what kind of party it is.
public struct LedgerBuyer: Hashable, Sendable, Codable {
    /// The seller's own id for the buyer, unique in the ledger.
    public var id: String
    /// The buyer's country.
    public var country: CountryCode
    /// The buyer's activity, when known (unknown is never cyclical).
    public var sector: NACECode?
    /// Business, public body, institution or individual.
    public var category: BuyerCategory
    /// The buyer's name, when the ledger gives it.
    public var name: String?
    /// Registry or bureau identifiers, to find the buyer's ratings (none: the buyer gets the prior PD).
    public var identifiers: [BuyerIdentifier]

    /// Creates a ledger buyer.
    public init(id: String, country: CountryCode, sector: NACECode? = nil, category: BuyerCategory = .business,
                name: String? = nil, identifiers: [BuyerIdentifier] = []) {
        self.id = id
        self.country = country
        self.sector = sector
        self.category = category
        self.name = name
        self.identifiers = identifiers
    }

    private enum CodingKeys: String, CodingKey { case id, country, sector, category, name, identifiers }

    /// Decodes a buyer; `category` defaults to business, `identifiers` to none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try container.decode(String.self, forKey: .id),
                  country: try container.decode(CountryCode.self, forKey: .country),
                  sector: try container.decodeIfPresent(NACECode.self, forKey: .sector),
                  category: try container.decodeIfPresent(BuyerCategory.self, forKey: .category) ?? .business,
                  name: try container.decodeIfPresent(String.self, forKey: .name),
                  identifiers: try container.decodeIfPresent([BuyerIdentifier].self, forKey: .identifiers) ?? [])
    }
}

/// One invoice of the ledger; its payment term is `dueDate − invoiceDate` in days.
public struct LedgerInvoice: Hashable, Sendable, Codable {
    /// The invoice number, unique in the ledger.
    public var id: String
    /// The ``LedgerBuyer/id`` of the buyer invoiced.
    public var buyerID: String
    /// The invoice date.
    public var invoiceDate: CalendarDate
    /// The due date, on or after the invoice date.
    public var dueDate: CalendarDate
    /// The amount invoiced, zero or more; its currency is the invoice's currency.
    public var amount: Money

    /// Creates an invoice line; it is validated by the diagnosis.
    public init(id: String, buyerID: String, invoiceDate: CalendarDate, dueDate: CalendarDate, amount: Money) {
        self.id = id
        self.buyerID = buyerID
        self.invoiceDate = invoiceDate
        self.dueDate = dueDate
        self.amount = amount
    }

    /// The payment term in days.
    public var termDays: Int { dueDate.days(since: invoiceDate) }
}

/// A payment received; allocated to one invoice when `invoiceID` is set, otherwise only counted.
public struct LedgerPayment: Hashable, Sendable, Codable {
    /// The invoice this payment settles (in part or in full), when the ledger allocates it.
    public var invoiceID: String?
    /// The date the payment was received.
    public var date: CalendarDate
    /// The amount received, positive, in the invoice's currency.
    public var amount: Money

    /// Creates a payment line.
    public init(invoiceID: String?, date: CalendarDate, amount: Money) {
        self.invoiceID = invoiceID
        self.date = date
        self.amount = amount
    }
}

/// The seller's receivables ledger: buyers, invoices and payments.
public struct SellerLedger: Hashable, Sendable, Codable {
    /// The buyers, each id once.
    public var buyers: [LedgerBuyer]
    /// The invoices, each id once, each for a listed buyer.
    public var invoices: [LedgerInvoice]
    /// The payments received.
    public var payments: [LedgerPayment]

    /// Creates a ledger.
    public init(buyers: [LedgerBuyer], invoices: [LedgerInvoice], payments: [LedgerPayment] = []) {
        self.buyers = buyers
        self.invoices = invoices
        self.payments = payments
    }
}

/// The ECB's euro reference rates from 1999-01-04 to 2026-10-30, shipped inside the SDK (source: European Central
/// Bank; reused with attribution, rates unmodified), so that conversions work with no network.
public enum ECBEmbeddedHistory {
    /// The last publication date in the embedded history.
    public static let lastPublication = "2026-10-30"

    /// The attribution to show wherever these rates are used.
    public static let attribution = "Euro foreign exchange reference rates, European Central Bank (1999-01-04 to 2026-10-30)"

    /// The embedded history file's text (ECB CSV format).
    public static var text: String { csv }
}

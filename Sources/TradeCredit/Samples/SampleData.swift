/// Sample data embedded in the SDK, so that the CLI's demo and the tests run with no file and no network.
public enum SampleData {
    /// The file name reported in errors about the embedded buyers.
    public static let buyersFileName = "<embedded sample buyers>"

    /// The sample buyers, parsed and validated.
    public static func buyers() throws -> [BuyerRecord] {
        try BuyersFile.parse(buyersCSV, file: buyersFileName)
    }
}

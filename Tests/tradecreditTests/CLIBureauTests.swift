import Foundation
import Testing
import TradeCreditTesting

/// `tradecredit rating` on the embedded sample ratings and on a file (Creditsafe and D&B: `CLIRemoteBureauTests`);
/// `tradecredit resolve` against a loopback GLEIF.
@Suite("tradecredit rating and resolve")
struct CLIBureauTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// B003 (Distribution Garnier SA) has two sample ratings: Creditsafe score 88 (PD 0.03 % on the illustrative map,
    /// band 71–100) and Banque de France 3+; asked by its VAT number, the SIREN it carries finds both.
    @Test func sampleRatingsByVATNumber() async throws {
        let result = await runCLI(["rating", "--id", "vat:FR81319720074", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let ratings = try #require(object["ratings"] as? [[String: Any]])
        #expect(ratings.map { $0["source"] as? String } == ["creditsafe", "banque-de-france"])
        #expect(ratings.first?["probabilityOfDefault"] as? Double == 0.0003)
        let table = await runCLI(["rating", "--id", "siren:319720074"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("PD maps are illustrative"))
    }

    @Test func ratingsFromAFile() async throws {
        let file = try temporaryFile("identifiers,scale,rated_on,value\nduns:150483782,dnb-failure-class,2026-10-01,2\n",
                                     name: "ratings.csv")
        defer { removeTemporary(file) }
        let result = await runCLI(["rating", "--id", "duns:15-048-3782", "--bureau", "file:\(file.path)", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(#""scale" : "dnb-failure-class""#))
        let bad = try temporaryFile("identifiers,scale,rated_on,value\nduns:150483782,no-such-scale,2026-10-01,2\n",
                                    name: "ratings.csv")
        defer { removeTemporary(bad) }
        let failure = await runCLI(["rating", "--id", "duns:150483782", "--bureau", "file:\(bad.path)"])
        expectOneLineError(failure)
        #expect(failure.stderr.contains("ratings.csv:2"), "\(failure.stderr)")
    }

    @Test(arguments: [
        (["rating", "--id", "siren:123"], "--id"),
        (["rating", "--id", "nonsense"], "--id"),
        (["rating", "--id", "siren:319720074", "--country", "XX"], "--country"),
        (["rating", "--id", "siren:319720074", "--base-url", "http://127.0.0.1:9/"], "--base-url"),
        (["rating", "--id", "siren:319720074", "--bureau", "file:ratings.csv", "--base-url", "http://x/"], "--base-url"),
        (["rating", "--id", "siren:319720074", "--bureau", "creditsafe", "--base-url", "ftp://x"], "--base-url"),
        (["rating", "--id", "siren:319720074", "--bureau", "dnb", "--base-url", "not a url"], "--base-url"),
        (["rating", "--id", "vat:DE829110904", "--bureau", "dnb"], "D-U-N-S"),
        (["rating", "--id", "registry:RA000585:HRB 12345", "--bureau", "dnb"], "--country"),
        (["rating", "--id", "siren:319720074", "--bureau", "acme"], "--bureau"),
        (["resolve"], "--id or --name"),
        (["resolve", "--id", "siren:319720074"], "lei:"),
        (["resolve", "--id", "lei:529900T8BM49AURSDO56"], "--id"),
    ])
    func badInputIsOneLine(arguments: [String], mentioned: String) async {
        let result = await runCLI(arguments)
        expectOneLineError(result)
        #expect(result.stderr.contains(mentioned), "\(result.stderr)")
    }

    @Test func resolveAnLEIThroughGLEIF() async throws {
        let server = try auditGLEIFServer()
        defer { server.shutdown() }
        let base = server.url("/api/v1/").absoluteString
        let result = await runCLI(["resolve", "--id", "lei:969500ACMEINDUSTRI13", "--base-url", base])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("ACME INDUSTRIE SA"))
        #expect(result.stdout.contains("siren:732829320"))
        let json = await runCLI(["resolve", "--id", "lei:969500ACMEINDUSTRI13", "--base-url", base, "--format", "json"])
        #expect(json.stdout.contains(#""registrationAuthority" : "RA000189""#))
        // A server that is down is a failure (exit 1), on one line.
        server.shutdown()
        let down = await runCLI(["resolve", "--id", "lei:969500ACMEINDUSTRI13", "--base-url", base])
        #expect(down.status == 1)
        #expect(down.stderr.hasPrefix("tradecredit: gleif: "), "\(down.stderr)")
    }
}

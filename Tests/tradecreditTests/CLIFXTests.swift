import Foundation
import Testing
import TradeCreditTesting

/// `tradecredit fx`: conversions at the embedded ECB rates, checked by hand, and the errors of bad input.
@Suite("tradecredit fx")
struct CLIFXTests {
    /// 100000 USD → GBP on 2024-03-15: USD 1.0892, GBP 0.8541 per EUR (ECB);
    /// 100000 × 0.8541 / 1.0892 = 78415.350716…, half up → 78415.35.
    @Test func convertAsJSON() async throws {
        let result = await runCLI(["fx", "convert", "--amount", "100000", "--from", "USD", "--to", "GBP", "--date", "2024-03-15",
                             "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["amount"] as? String == "78415.35")
        #expect(object["currency"] as? String == "GBP")
        let from = try #require(object["from"] as? [String: Any])
        #expect(from["amount"] as? String == "100000")
        #expect(from["currency"] as? String == "USD")
        #expect(object["rate"] as? String == "0.7841535072")
        #expect(object["rateFrom"] as? String == "1.0892")
        #expect(object["rateTo"] as? String == "0.8541")
        #expect(object["requestedDate"] as? String == "2024-03-15")
        #expect(object["rateDate"] as? String == "2024-03-15")
        #expect(object["source"] as? String == "ECB")
    }

    /// A Saturday uses Friday's publication; no date means the latest publication (2026-10-30), with a null
    /// requested date: 100000 × 0.8338 / 1.1172 = 74633.0111…
    @Test func weekendAndLatest() async throws {
        let saturday = await runCLI(["fx", "convert", "--amount", "100000", "--from", "USD", "--to", "GBP", "--date", "2024-03-16",
                               "--format", "json"])
        #expect(saturday.status == 0)
        #expect(saturday.stdout.contains(#""rateDate" : "2024-03-15""#))
        #expect(saturday.stdout.contains(#""requestedDate" : "2024-03-16""#))
        let latest = await runCLI(["fx", "convert", "--amount", "100000", "--from", "USD", "--to", "GBP", "--format", "json"])
        #expect(latest.status == 0)
        #expect(latest.stdout.contains(#""requestedDate" : null"#))
        #expect(latest.stdout.contains(#""rateDate" : "2026-10-30""#))
        #expect(latest.stdout.contains(#""amount" : "74633.01""#))
    }

    @Test func convertAsTable() async {
        let result = await runCLI(["fx", "convert", "--amount", "2500", "--from", "EUR", "--to", "JPY", "--date", "2026-10-30"])
        #expect(result.status == 0)
        // 2500 × 175.68 = 439200 (JPY has no minor unit)
        #expect(result.stdout.hasPrefix("2,500.00 EUR = 439,200 JPY\n"))
        #expect(result.stdout.contains("rates of 2026-10-30, source ECB"))
    }

    @Test func ratesOfADay() async throws {
        let result = await runCLI(["fx", "rates", "--date", "2022-03-01", "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let rates = try #require(object["rates"] as? [String: String])
        #expect(rates["RUB"] == "117.201")
        #expect(rates["USD"] == "1.1162")
        #expect(object["date"] as? String == "2022-03-01")
        let csv = await runCLI(["fx", "rates", "--date", "2022-03-02", "--format", "csv"])
        #expect(csv.status == 0)
        #expect(csv.stdout.hasPrefix("currency,rate_per_eur\n"))
        #expect(!csv.stdout.contains("RUB,"))
    }

    @Test(arguments: [
        (["fx", "convert", "--amount", "12abc", "--from", "USD", "--to", "GBP"], "--amount"),
        (["fx", "convert", "--amount", "1.001", "--from", "USD", "--to", "GBP"], "--amount"),
        (["fx", "convert", "--amount", "1", "--from", "USX", "--to", "GBP"], "--from"),
        (["fx", "convert", "--amount", "1", "--from", "USD", "--to", "G"], "--to"),
        (["fx", "convert", "--amount", "1", "--from", "USD", "--to", "GBP", "--date", "2023-02-29"], "--date"),
        (["fx", "convert", "--amount", "1", "--from", "USD", "--to", "GBP", "--date", "1998-12-31"], "date"),
        (["fx", "convert", "--amount", "1", "--from", "USD", "--to", "GBP", "--date", "2030-01-01"], "date"),
        (["fx", "convert", "--amount", "1000", "--from", "BGN", "--to", "EUR", "--date", "2026-01-01"], "BGN"),
        (["fx", "convert", "--amount", "1000", "--from", "RUB", "--to", "EUR", "--date", "2022-03-02"], "RUB"),
        (["fx", "convert", "--amount", "1", "--from", "USD", "--to", "KWD"], "KWD"),
        (["fx", "convert", "--amount", "1", "--from", "USD", "--to", "GBP", "--rates", "/nonexistent/rates.csv"], "/nonexistent/rates.csv"),
        (["fx", "convert", "--amount", "1", "--from", "USD", "--to", "GBP", "--rates", "ecb", "--base-url", "ftp://x"], "--base-url"),
        (["fx", "convert", "--from", "USD", "--to", "GBP"], "--amount"),
    ])
    func badInputIsOneLine(arguments: [String], mentioned: String) async {
        let result = await runCLI(arguments)
        expectOneLineError(result)
        #expect(result.stderr.contains(mentioned), "\(result.stderr)")
    }

    @Test func aMalformedRatesFileNamesItsLine() async throws {
        let file = try temporaryFile("Date,USD,GBP,\n2024-03-15,1.0892,0.8541,\n2024-03-14,1.09x,0.8541,\n", name: "rates.csv")
        defer { removeTemporary(file) }
        let result = await runCLI(["fx", "convert", "--amount", "1", "--from", "USD", "--to", "GBP", "--rates", file.path])
        expectOneLineError(result)
        #expect(result.stderr.contains("rates.csv:3: USD:"), "\(result.stderr)")
        let good = try temporaryFile("Date,USD,GBP,\n2024-03-15,1.0892,0.8541,\n", name: "rates.csv")
        defer { removeTemporary(good) }
        let converted = await runCLI(["fx", "convert", "--amount", "100000", "--from", "USD", "--to", "GBP", "--rates", good.path])
        #expect(converted.status == 0)
        #expect(converted.stdout.hasPrefix("100,000.00 USD = 78,415.35 GBP"))
    }

    /// A remote source that cannot be reached is a failure (exit 1) on one line, with no log noise.
    @Test func unreachableSourceFailsWithStatusOne() async {
        let result = await runCLI(["fx", "convert", "--amount", "1", "--from", "USD", "--to", "GBP", "--rates", "ecb",
                             "--base-url", "http://127.0.0.1:9/"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("tradecredit: ecb: "), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }

    /// The standard proxy variable reaches libcurl: with `http_proxy` set, a request for an unresolvable host goes
    /// to the proxy (here a loopback server that answers as the ECB's folder would), in absolute form.
    @Test func environmentProxyIsHonoured() async throws {
        let daily = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
            <Cube><Cube time='2026-10-30'><Cube currency='USD' rate='1.1172'/><Cube currency='GBP' rate='0.8338'/></Cube></Cube>
            </gesmes:Envelope>
            """
        let proxy = try LoopbackHTTPServer { request in
            request.path == "http://rates.example.invalid/eurofxref/eurofxref-daily.xml" ? .ok(json: daily) : .notFound
        }
        defer { proxy.shutdown() }
        let result = await runCLI(["fx", "convert", "--amount", "100000", "--from", "USD", "--to", "GBP", "--rates", "ecb",
                             "--base-url", "http://rates.example.invalid/eurofxref/", "--format", "json"],
                            environment: ["http_proxy": proxy.baseURL.absoluteString, "no_proxy": ""])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(#""amount" : "74633.01""#))
        #expect(proxy.requests.first?.path == "http://rates.example.invalid/eurofxref/eurofxref-daily.xml")
    }
}

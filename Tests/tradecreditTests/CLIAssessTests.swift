import Foundation
import Testing

/// `tradecredit assess`: the sample buyers on the sample ratings (golden files in `Fixtures/assess`), a small portfolio
/// whose figures are checked by hand, and every kind of bad input.
///
/// To regenerate the golden files after an intended change, from the package root:
///
///     swift build && for f in json csv; do .build/debug/tradecredit buyers sample \
///         | .build/debug/tradecredit assess --buyers - --as-of 2026-11-27 --format $f \
///         > Tests/tradecreditTests/Fixtures/assess/sample.$f; done
///     .build/debug/tradecredit buyers sample | .build/debug/tradecredit assess --buyers - --as-of 2026-11-27 \
///         > Tests/tradecreditTests/Fixtures/assess/sample.txt
///
/// then read the diff and check the changed rows against the engine's rules before committing it.
///
/// The suite is serialized: a run that converts at the embedded rates parses the whole ECB history (about half a
/// second of CPU in a debug build), and a dozen of them at once slowed the timing tests of other suites (cancellations
/// expected within 5 seconds) past their bounds on a two-core machine. The hand-checked portfolio reads a one-day
/// rates file instead.
@Suite("tradecredit assess", .serialized)
struct CLIAssessTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/assess")

    static func golden(_ name: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
    }

    /// The embedded sample buyers file, as `buyers sample` prints it.
    static func sampleBuyers() async throws -> String {
        let result = await runCLI(["buyers", "sample"])
        try #require(result.status == 0)
        return result.stdout
    }

    static func json(_ output: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    }

    /// The buyers of a JSON output, by id.
    static func buyers(_ object: [String: Any]) throws -> [String: [String: Any]] {
        let list = try #require(object["buyers"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: list.map { ($0["id"] as? String ?? "", $0) })
    }

    static func codes(_ buyer: [String: Any]?, _ key: String = "decisionReasons") -> [String] {
        (buyer?[key] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
    }

    static func amount(_ buyer: [String: Any]?, _ key: String) -> String? {
        (buyer?[key] as? [String: Any])?["amount"] as? String
    }

    /// Runs `tradecredit args` and expects a bad-input error whose one line is `tradecredit: ` + `line`.
    static func expectError(_ args: [String], stdin: String? = nil, _ line: String,
                            sourceLocation: SourceLocation = #_sourceLocation) async {
        let result = await runCLI(args, stdin: stdin, sourceLocation: sourceLocation)
        expectOneLineError(result, sourceLocation: sourceLocation)
        #expect(result.stderr == "tradecredit: \(line)\n", sourceLocation: sourceLocation)
    }

    // MARK: The sample portfolio

    /// The 33 sample buyers on the sample ratings, on 2026-11-27 (at the embedded rates of 2026-10-30, the last
    /// publication), read from standard input. The rows checked by hand against the engine's rules (Domain.md,
    /// "Buyer scoring and limit decisions"):
    /// - B001: Creditsafe 82 on 2026-10-02 (56 days): PD 0.03% on the map, weight 0.8 × 0.5^(56/180) = 0.6448,
    ///   logit(0.0003) + sector C (+0.1) → PD 0.000332, grade 1; confidence 0.6448 / 1.1448 = 0.5632; the contribution
    ///   logit(0.0003) − logit(1%) = −3.5163. Capacity min(5,000,000, grade-1 cap 5,000,000, suggestion 150,000) =
    ///   150,000 ≥ the 150,000 asked: approved in full.
    /// - B005: Banque de France `P`: in default, PD 1, grade 10, refused (`buyer_in_default`).
    /// - B010: Creditsafe `E`, dropped as not rated: no usable rating, referred.
    /// - B018: Creditsafe of 2025-08-14, 470 days old (> 365): dropped too old, referred.
    /// - B030: a consumer without identifiers: refused as an individual, with no source at all.
    /// - B028 (a public body) and B029 (an institution): the typical policy covers businesses only.
    /// - B031: a related party, refused whatever its grade (5).
    /// - B015: GBP 220,000 at 0.8338 GBP per EUR = 263,852.24 EUR, above the automatic authority of 250,000: referred.
    @Test func sampleAsJSONMatchesTheGoldenFile() async throws {
        let result = await runCLI(["assess", "--buyers", "-", "--as-of", "2026-11-27", "--format", "json"],
                                  stdin: try await Self.sampleBuyers())
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout == (try Self.golden("sample.json")), "regenerate Fixtures/assess if intended (see above)")

        let object = try Self.json(result.stdout)
        #expect(object["asOf"] as? String == "2026-11-27")
        #expect((object["rates"] as? [String: Any])?["date"] as? String == "2026-10-30")
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["buyers"] as? Int == 33)
        #expect(summary["decisions"] as? [String: Int]
                == ["approved": 6, "partlyApproved": 6, "refused": 13, "referred": 8])
        let buyers = try Self.buyers(object)
        #expect(buyers.count == 33)

        let b001 = buyers["B001"]
        #expect(b001?["decision"] as? String == "approved")
        #expect(b001?["grade"] as? Int == 1)
        #expect(b001?["probabilityOfDefault"] as? Double == 0.000332)
        #expect(b001?["confidence"] as? Double == 0.5632)
        #expect((b001?["scoreReasons"] as? [[String: Any]])?.first?["contribution"] as? Double == -3.5163)
        #expect(Self.amount(b001, "granted") == "150000.00")
        #expect(Self.codes(b001) == ["approved_within_capacity", "assessed_grade"])

        let b005 = buyers["B005"]
        #expect(b005?["decision"] as? String == "refused")
        #expect(b005?["grade"] as? Int == 10)
        #expect(b005?["probabilityOfDefault"] as? Double == 1)
        #expect(Self.codes(b005).first == "buyer_in_default")
        #expect(Self.codes(b005, "scoreReasons") == ["in_default"])

        let b010 = buyers["B010"]
        #expect(b010?["decision"] as? String == "referred")
        #expect(Self.codes(b010) == ["no_usable_rating"])
        #expect((b010?["droppedSources"] as? [[String: Any]])?.map { $0["reason"] as? String } == ["not_rated"])

        let b018 = buyers["B018"]
        #expect(b018?["decision"] as? String == "referred")
        #expect(Self.codes(b018) == ["no_usable_rating"])
        let stale = (b018?["droppedSources"] as? [[String: Any]])?.first
        #expect(stale?["reason"] as? String == "too_old")
        #expect(stale?["ratedOn"] as? String == "2025-08-14")
        #expect(stale?["detail"] as? String == "470 days old, more than the maximum 365")

        let b030 = buyers["B030"]
        #expect(b030?["decision"] as? String == "refused")
        #expect(Self.codes(b030) == ["buyer_individual"])
        #expect(b030?["grade"] is NSNull)
        #expect((b030?["sources"] as? [Any])?.isEmpty == true)

        #expect(Self.codes(buyers["B028"]) == ["buyer_category_not_covered"])
        #expect(Self.codes(buyers["B029"]).first == "buyer_category_not_covered")
        #expect(Self.codes(buyers["B031"]).first == "buyer_related_party")

        let b015 = buyers["B015"]
        #expect(Self.amount(b015, "requestedLimit") == "220000.00")
        #expect(Self.amount(b015, "requested") == "263852.24")
        #expect(Self.codes(b015).first == "above_automatic_authority")
        #expect(b015?["decision"] as? String == "referred")
    }

    @Test func sampleAsTableMatchesTheGoldenFile() async throws {
        let file = try temporaryFile(try await Self.sampleBuyers())
        defer { removeTemporary(file) }
        let result = await runCLI(["assess", "--buyers", file.path, "--as-of", "2026-11-27"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == (try Self.golden("sample.txt")), "regenerate Fixtures/assess if intended")
    }

    @Test func sampleAsCSVMatchesTheGoldenFile() async throws {
        let file = try temporaryFile(try await Self.sampleBuyers())
        defer { removeTemporary(file) }
        let result = await runCLI(["assess", "--buyers", file.path, "--as-of", "2026-11-27", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == (try Self.golden("sample.csv")), "regenerate Fixtures/assess if intended")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 34)
        #expect(lines.first?.hasPrefix("id,legal_name,country,request,") == true)
        // RFC 4180: the name with a comma is quoted.
        #expect(result.stdout.contains("\nB025,\"Yamada Trading Co., Ltd.\",JP,newLimit,20000000,JPY,"))
    }

    /// With no `--as-of`, today in UTC: the sample runs offline (rates after the embedded history fall back to its
    /// last publication).
    @Test func sampleRunsWithoutAnAsOfDate() async throws {
        let result = await runCLI(["assess", "--buyers", "-", "--format", "json"], stdin: try await Self.sampleBuyers())
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.buyers(try Self.json(result.stdout)).count == 33)
    }

    // MARK: A portfolio checked by hand

    /// Ratings of 2026-10-30, the as-of date: age 0, so a source's weight is its reliability (Creditsafe 0.8,
    /// Allianz Trade, not listed, 0.5); no sector, no incorporation date, so no adjustment.
    /// - Creditsafe 30: PD 2% → grade 7 (cap 100,000); confidence 0.8 / 1.3 = 0.6154; contribution
    ///   logit(2%) − logit(1%) = +0.7033.
    /// - Allianz Trade 2: PD 0.08% → grade 2; confidence 0.5 / 1.0 = 0.5.
    static let customBuyers = """
        id,legal_name,country,identifiers,requested_limit,currency,payment_terms_days
        C1,Alpha SAS,FR,provider:house:C1,95000,EUR,60
        C2,Beta GmbH,DE,provider:house:C2,150000,EUR,60
        C3,Gamma SA,FR,provider:house:C3,300000,EUR,60
        C4,Delta Ltd,GB,gb-crn:12345678,50000,GBP,60
        C5,Epsilon BV,NL,provider:house:C5,,,
        C6,Zeta Srl,IT,,20000,EUR,30
        C7,Eta AB,SE,provider:house:C7,40000,EUR,150
        C8,Theta Oy,FI,provider:house:C8,40000,EUR,60

        """

    /// The ECB rates of 2026-10-30 that the portfolio needs (GBP 0.8338 per EUR), as a one-day ECB CSV file.
    static let customRates = "Date,USD,GBP,\n2026-10-30,1.1172,0.8338,\n"

    /// Runs `assess` on the hand-checked portfolio at the rates of `customRates`.
    static func runCustom(_ extra: [String]) async throws -> (status: Int32, stdout: String, stderr: String) {
        let buyersFile = try temporaryFile(customBuyers)
        let ratingsFile = try temporaryFile(customRatings, name: "ratings.json")
        let ratesFile = try temporaryFile(customRates, name: "rates.csv")
        defer { removeTemporary(buyersFile); removeTemporary(ratingsFile); removeTemporary(ratesFile) }
        return await runCLI(["assess", "--buyers", buyersFile.path, "--ratings", ratingsFile.path, "--rates", ratesFile.path,
                             "--as-of", "2026-10-30"] + extra)
    }

    static let customRatings = """
        {"version": 1, "ratings": [
         {"identifiers": ["provider:house:C1"], "source": "creditsafe", "scale": "creditsafe-international",
          "ratedOn": "2026-10-30", "score": 30, "suggestedLimit": {"amount": "87500.00", "currency": "EUR"}},
         {"identifiers": ["provider:house:C2"], "source": "creditsafe", "scale": "creditsafe-international",
          "ratedOn": "2026-10-30", "score": 30},
         {"identifiers": ["provider:house:C3"], "source": "allianz-trade", "scale": "allianz-trade-grade",
          "ratedOn": "2026-10-30", "score": 2},
         {"identifiers": ["gb-crn:12345678"], "source": "creditsafe", "scale": "creditsafe-international",
          "ratedOn": "2026-10-30", "score": 30},
         {"identifiers": ["provider:house:C5"], "source": "creditsafe", "scale": "creditsafe-international",
          "ratedOn": "2026-10-30", "score": 30},
         {"identifiers": ["provider:house:C7"], "source": "allianz-trade", "scale": "allianz-trade-grade",
          "ratedOn": "2026-10-30", "score": 2},
         {"identifiers": ["provider:house:C8"], "source": "allianz-trade", "scale": "allianz-trade-grade",
          "ratedOn": "2026-10-30", "score": 2}
        ]}
        """

    @Test func customPortfolioByHand() async throws {
        let result = try await Self.runCustom(["--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try Self.json(result.stdout)
        #expect(object["rates"] as? [String: String] == ["source": "ECB", "date": "2026-10-30"])
        let buyers = try Self.buyers(object)
        func expectDecision(_ id: String, _ kind: String, requested: String, granted: String, reasons: [String],
                            sourceLocation: SourceLocation = #_sourceLocation) {
            let buyer = buyers[id]
            #expect(buyer?["decision"] as? String == kind, sourceLocation: sourceLocation)
            #expect(Self.amount(buyer, "requested") == requested, sourceLocation: sourceLocation)
            #expect(Self.amount(buyer, "granted") == granted, sourceLocation: sourceLocation)
            #expect(Self.codes(buyer) == reasons, sourceLocation: sourceLocation)
        }

        // Grade 7: PD, confidence and contribution by hand.
        let c1 = buyers["C1"]
        #expect(c1?["grade"] as? Int == 7)
        #expect(c1?["probabilityOfDefault"] as? Double == 0.02)
        #expect(c1?["confidence"] as? Double == 0.6154)
        #expect((c1?["scoreReasons"] as? [[String: Any]])?.first?["contribution"] as? Double == 0.7033)
        #expect(buyers["C3"]?["grade"] as? Int == 2)
        #expect(buyers["C3"]?["confidence"] as? Double == 0.5)

        // Capacity min(grade cap 100,000, suggestion 87,500) = 87,500 < 95,000, rounded down to the 1,000 step.
        expectDecision("C1", "partlyApproved", requested: "95000.00", granted: "87000.00",
                       reasons: ["limited_by_bureau_suggestion", "rounded_down_to_limit_step", "assessed_grade"])
        // 150,000 asked, the grade-7 cap is 100,000.
        expectDecision("C2", "partlyApproved", requested: "150000.00", granted: "100000.00",
                       reasons: ["limited_by_grade_cap", "assessed_grade"])
        // 300,000 asked: above the automatic authority of 250,000, a person decides.
        expectDecision("C3", "referred", requested: "300000.00", granted: "0.00",
                       reasons: ["above_automatic_authority", "assessed_grade"])
        // GBP 50,000 ÷ 0.8338 = 59,966.42 EUR, within the cap, rounded down to 59,000.
        expectDecision("C4", "partlyApproved", requested: "59966.42", granted: "59000.00",
                       reasons: ["rounded_down_to_limit_step", "assessed_grade"])
        let conversion = (buyers["C4"]?["conversions"] as? [[String: Any]])?.first
        #expect(conversion?["field"] as? String == "requested_limit")
        #expect(conversion?["rateDate"] as? String == "2026-10-30")
        #expect((conversion?["from"] as? [String: Any])?["currency"] as? String == "GBP")
        // No amount asked: a preliminary assessment of the automatic authority, capped at grade 7's 100,000.
        expectDecision("C5", "partlyApproved", requested: "250000.00", granted: "100000.00",
                       reasons: ["limited_by_grade_cap", "preliminary_assessment", "assessed_grade"])
        #expect(buyers["C5"]?["request"] as? String == "preliminaryAssessment")
        #expect(buyers["C5"]?["requestedLimit"] is NSNull)
        // No identifier, so no rating: referred, never guessed.
        expectDecision("C6", "referred", requested: "20000.00", granted: "0.00", reasons: ["no_usable_rating"])
        // 150 days of terms, more than the maximum credit period of 120.
        expectDecision("C7", "referred", requested: "40000.00", granted: "0.00",
                       reasons: ["payment_terms_exceed_maximum", "assessed_grade"])
        expectDecision("C8", "approved", requested: "40000.00", granted: "40000.00",
                       reasons: ["approved_within_capacity", "assessed_grade"])

        // Totals of the new limits only: 95,000 + 150,000 + 300,000 + 59,966.42 + 20,000 + 40,000 + 40,000 asked;
        // 87,000 + 100,000 + 59,000 + 40,000 granted.
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["decisions"] as? [String: Int] == ["approved": 1, "partlyApproved": 4, "refused": 0, "referred": 3])
        #expect(summary["preliminaryAssessments"] as? Int == 1)
        #expect((summary["requested"] as? [String: Any])?["amount"] as? String == "704966.42")
        #expect((summary["granted"] as? [String: Any])?["amount"] as? String == "286000.00")
    }

    @Test func customPortfolioAsTable() async throws {
        let result = try await Self.runCustom([])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let c1 = try #require(lines.first { $0.hasPrefix("C1 ") })
        #expect(c1.contains("partlyApproved"))
        #expect(c1.contains("95,000.00 EUR   87,000.00 EUR"))
        #expect(c1.contains("limited_by_bureau_suggestion, rounded_down_to_limit_step, bureau_rating +0.703"))
        let c5 = try #require(lines.first { $0.hasPrefix("C5 ") })
        #expect(c5.contains("partlyApproved (preliminary)"))
        #expect(lines.contains("8 buyers assessed on 2026-10-30 under policy DEMO-2026 (typical terms, EUR): "
                               + "1 approved, 4 partlyApproved, 0 refused, 3 referred."))
        #expect(lines.contains("New limits: 704,966.42 EUR requested, 286,000.00 EUR granted "
                               + "(not counting 1 preliminary assessment)."))
    }

    /// Only the rates a buyer needs are read: a file all in EUR needs none, and says so.
    @Test func noRatesForAmountsInThePolicyCurrency() async throws {
        let result = await runCLI(["assess", "--buyers", "-", "--as-of", "2026-11-27", "--format", "json"],
                                  stdin: "id,legal_name,country,requested_limit,currency\nE1,Euro SARL,FR,10000,EUR\n")
        #expect(result.status == 0, "\(result.stderr)")
        let object = try Self.json(result.stdout)
        #expect(object["rates"] is NSNull)
        #expect((try Self.buyers(object)["E1"]?["conversions"] as? [Any])?.isEmpty == true)
    }

    // MARK: Bad input: status 2, one line on stderr, nothing on stdout

    @Test func badBuyersFile() async throws {
        await Self.expectError(["assess", "--buyers", "-", "--as-of", "2026-11-27"], stdin: "id,legal_name,country\nX1,Foo,ZZ\n",
                               "<stdin>:2: country: unknown ISO 3166-1 alpha-2 country code (\"ZZ\")")
    }

    @Test func missingBuyersFile() async {
        await Self.expectError(["assess", "--buyers", "/nonexistent/buyers.csv"], "/nonexistent/buyers.csv: no such file")
        let noFlag = await runCLI(["assess"])
        expectOneLineError(noFlag)
        #expect(noFlag.stderr.contains("--buyers"))
    }

    @Test func badRatingsFile() async throws {
        let ratings = try temporaryFile("identifiers,scale,rated_on,value\nsiren:194482246,creditsafe-international,2026-02-29,50\n",
                                        name: "ratings.csv")
        defer { removeTemporary(ratings) }
        let sample = try await Self.sampleBuyers()
        await Self.expectError(["assess", "--buyers", "-", "--ratings", ratings.path, "--as-of", "2026-11-27"], stdin: sample,
                               "\(ratings.path):2: rated_on: no such calendar date (\"2026-02-29\")")

        let json = try temporaryFile(#"{"version": 1, "ratings": [{"identifiers": ["siren:194482246"], "scale": "coface-dra", "ratedOn": "2026-01-01", "score": 11}]}"#,
                                     name: "ratings.json")
        defer { removeTemporary(json) }
        await Self.expectError(["assess", "--buyers", "-", "--ratings", json.path], stdin: sample,
                               "\(json.path): ratings[0].score: outside the scores of coface-dra (\"11\")")
        await Self.expectError(["assess", "--buyers", "-", "--ratings", "/nonexistent/ratings.csv"], stdin: sample,
                               "/nonexistent/ratings.csv: no such file")
    }

    @Test func badAsOfDate() async throws {
        for (value, message) in [("2026-02-30", "no such calendar date"), ("27/11/2026", "")] {
            let result = await runCLI(["assess", "--buyers", "-", "--as-of", value], stdin: try await Self.sampleBuyers())
            expectOneLineError(result)
            #expect(result.stderr.hasPrefix("tradecredit: --as-of: \(message)"), "\(result.stderr)")
            #expect(result.stderr.contains("(\"\(value)\")"))
        }
    }

    @Test func unknownFormat() async throws {
        let result = await runCLI(["assess", "--buyers", "-", "--format", "xml"], stdin: try await Self.sampleBuyers())
        expectOneLineError(result)
        #expect(result.stderr.hasPrefix("tradecredit: usage: The value 'xml' is invalid for '--format <format>'"))
    }

    /// An amount the rates do not cover at the date is named by its buyers file line: BGN left the ECB's list on
    /// 2026-01-01, NGN was never on it, and nothing is published before 1999-01-04.
    @Test func amountTheRatesDoNotCover() async throws {
        let buyers = "id,legal_name,country,requested_limit,currency\nE1,Euro SARL,FR,10000,EUR\n"
            + "X2,Sofia OOD,BG,5000,BGN\nX3,Lagos Ltd,NG,5000,NGN\n"
        await Self.expectError(["assess", "--buyers", "-", "--as-of", "2026-11-27"], stdin: buyers,
                               "<stdin>:3: requested_limit: ECB published no BGN rate on 2026-10-30 (\"BGN\")")
        await Self.expectError(["assess", "--buyers", "-", "--as-of", "2025-06-02"],
                               stdin: buyers.replacingOccurrences(of: "5000,BGN", with: "5000,EUR"),
                               "<stdin>:4: requested_limit: ECB published no NGN rate on 2025-06-02 (\"NGN\")")
        await Self.expectError(["assess", "--buyers", "-", "--as-of", "1998-12-31"], stdin: buyers,
                               "<stdin>:3: requested_limit: before the first publication of ECB (1999-01-04) (\"1998-12-31\")")
    }

    /// A requested limit that converts to nothing in the policy currency is named by its line, as the facade refuses
    /// the request: 1 IDR is less than a cent.
    @Test func requestedLimitTooSmallOnceConverted() async throws {
        await Self.expectError(["assess", "--buyers", "-", "--as-of", "2026-10-02"],
                               stdin: "id,legal_name,country,requested_limit,currency\nE1,Euro SARL,FR,10000,EUR\nI1,Jakarta PT,ID,1,IDR\n",
                               "<stdin>:3: requested_limit: a newLimit request needs a positive amount (\"0.00 EUR\")")
    }

    @Test func badRates() async throws {
        let remote = await runCLI(["assess", "--buyers", "-", "--rates", "ecb"], stdin: try await Self.sampleBuyers())
        expectOneLineError(remote)
        #expect(remote.stderr.hasPrefix("tradecredit: --rates: assess reads embedded rates or an ECB file"))

        // A rates file is read even when every amount is in EUR.
        let rates = try temporaryFile("not,a,rates,file\n", name: "rates.csv")
        defer { removeTemporary(rates) }
        let file = await runCLI(["assess", "--buyers", "-", "--rates", rates.path],
                                stdin: "id,legal_name,country,requested_limit,currency\nE1,Euro SARL,FR,10000,EUR\n")
        expectOneLineError(file)
        #expect(file.stderr.hasPrefix("tradecredit: \(rates.path):1: "))
    }

    @Test func incorporatedAfterTheAsOfDate() async throws {
        await Self.expectError(["assess", "--buyers", "-", "--as-of", "2026-11-27"],
                               stdin: "id,legal_name,country,incorporation_date\nN1,Future SAS,FR,2027-01-01\n",
                               "<stdin>:2: incorporation_date: incorporated after the evaluation date 2026-11-27 (\"2027-01-01\")")
    }

    @Test func helpShowsThePolicyAndExamples() async {
        let result = await runCLI(["assess", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("--buyers <FILE>"))
        #expect(result.stdout.contains("--as-of <DATE>"))
        #expect(result.stdout.contains("demo policy"))
        #expect(result.stdout.contains("tradecredit assess --buyers <(tradecredit buyers sample)"))
        let overview = await runCLI(["--help"])
        #expect(overview.stdout.components(separatedBy: "SUBCOMMANDS:").last?.contains("assess") == true)
    }
}

public import TradeCreditModel

/// The conformance suite of a `RatingBureau` adapter: one call, from a test, that checks the
/// adapter against the loopback server with the author's fixtures.
///
/// ```swift
/// @Test func acmeConforms() async throws {
///     let report = await RatingBureauConformance(
///         transport: .http(authenticationPaths: ["/v1/token"]),
///         found: ConformanceCase(BuyerQuery(identifiers: [try BuyerIdentifier(parsing: "siren:732829320")]),
///                                routes: ["/v1/token": token, "/v1/ratings/732829320": found]),
///         foundValue: .score(72),
///         unauthorized: ConformanceCase(query, routes: ["/v1/token": .status(401)]),
///         malformed: [MalformedCase("score is text", ConformanceCase(query, routes: …), field: "rating.score")]
///     ) { env in
///         AcmeBureau(baseURL: env.url("/v1/"), clientID: env.username, secret: env.secret,
///                    client: env.client, logger: env.logger)
///     }.run()
///     #expect(report.failures.isEmpty, "\(report)")
/// }
/// ```
///
/// Each check builds a fresh adapter with `makeBureau` against a fresh server, so caches and tokens never carry over.
/// The checks:
/// - the scale: every grade or score has a PD in (0, 1] through `probabilityOfDefault(for:)`, monotone along the
///   scale's direction; not-rated labels give no PD, default labels give 1;
/// - found: at least one rating, each from the bureau (its `name`, or one of `otherSources`), on its scale (or one
///   of `otherScales`), with a PD, and `foundValue` among them when given;
/// - no match → `[]`; not found (a key of the bureau's own) → `AdapterFailure.notFound`; not
///   rated → a `.notRated` rating; in default → an `.inDefault` rating (PD 1) — each when its fixture is given;
/// - each malformed case → `invalidResponse` naming its field; a payload cut in half or an HTML page →
///   `invalidResponse`;
/// - over HTTP: `429` and `503` once → retried and answered; persistent `503` → `unavailable` within the retry
///   policy; persistent `429` → `rateLimited` (or `unavailable`); a body cut short or a connection closed →
///   `unavailable`; a stalled server → `unavailable` after the timeout; cancellation ends the lookup within a second;
///   refused credentials → `unauthorized`, not retried, without the secret;
/// - the secret (``ConformanceEnvironment/secret``) appears in no error and no log line of the whole run.
public struct RatingBureauConformance: Sendable {
    /// Builds the adapter for one check. A throw counts as that check's lookup failing with the error (a file
    /// bureau parses its payload when built).
    public typealias Factory = @Sendable (ConformanceEnvironment) throws -> any RatingBureau

    public var transport: ConformanceTransport
    public var found: ConformanceCase<BuyerQuery>
    public var foundValue: RatingValue?
    public var noMatch: ConformanceCase<BuyerQuery>?
    public var notFound: ConformanceCase<BuyerQuery>?
    public var notRated: ConformanceCase<BuyerQuery>?
    public var inDefault: ConformanceCase<BuyerQuery>?
    public var unauthorized: ConformanceCase<BuyerQuery>?
    public var malformed: [MalformedCase<BuyerQuery>]
    /// Scales other than the bureau's own that its ratings may be on (D&B's PAYDEX).
    public var otherScales: [RatingScale]
    /// Sources other than the bureau's name that its ratings may carry (a file bureau relays other bureaus').
    public var otherSources: Set<String>
    public var limits: ConformanceLimits
    public var makeBureau: Factory

    /// A suite; only `transport`, `found` and the factory are required, every fixture left out skips its check.
    public init(transport: ConformanceTransport, found: ConformanceCase<BuyerQuery>, foundValue: RatingValue? = nil,
                noMatch: ConformanceCase<BuyerQuery>? = nil, notFound: ConformanceCase<BuyerQuery>? = nil,
                notRated: ConformanceCase<BuyerQuery>? = nil, inDefault: ConformanceCase<BuyerQuery>? = nil,
                unauthorized: ConformanceCase<BuyerQuery>? = nil, malformed: [MalformedCase<BuyerQuery>] = [],
                otherScales: [RatingScale] = [], otherSources: Set<String> = [],
                limits: ConformanceLimits = ConformanceLimits(),
                makeBureau: @escaping Factory) {
        self.transport = transport
        self.found = found
        self.foundValue = foundValue
        self.noMatch = noMatch
        self.notFound = notFound
        self.notRated = notRated
        self.inDefault = inDefault
        self.unauthorized = unauthorized
        self.malformed = malformed
        self.otherScales = otherScales
        self.otherSources = otherSources
        self.limits = limits
        self.makeBureau = makeBureau
    }

    /// What one lookup saw: the bureau's name and scale, and its answer.
    struct Answer: Sendable, CustomStringConvertible {
        let name: String
        let scale: RatingScale
        let ratings: [BureauRating]
        var description: String { "\(ratings.count) rating(s): \(ratings.map { "\($0.scaleID) \($0.value)" })" }
    }

    /// Runs every check and reports.
    public func run() async -> ConformanceReport {
        let harness = ConformanceHarness(transport: transport, limits: limits)
        let factory = makeBureau
        let lookup: @Sendable (ConformanceEnvironment, BuyerQuery) async throws -> Answer = { env, query in
            let bureau = try factory(env)
            return Answer(name: bureau.name, scale: bureau.scale, ratings: try await bureau.ratings(for: query))
        }
        let baseline = await harness.trial(found, lookup)
        var checks: [ConformanceCheck] = []
        let scales = otherScales
        let sources = otherSources
        let expected = foundValue
        let judge: @Sendable (Answer) -> String? = {
            Self.problems(in: $0, otherScales: scales, otherSources: sources, expecting: expected)
        }
        switch baseline.outcome {
        case .value(let answer):
            checks.append(ScaleConformance.check(answer.scale))
            checks.append(check("found: rated by the bureau on its scale", judge(answer), passed: answer.description))
        default:
            checks.append(check("found: rated by the bureau on its scale", "expected ratings; \(baseline.outcome.summary)"))
        }
        checks += await stateChecks(harness, lookup)
        for item in malformed {
            let trial = await harness.trial(item.situation, lookup)
            checks.append(check("malformed: \(item.name)", Self.invalidResponseProblem(trial.outcome, field: item.field)))
        }
        checks += await TransportChecks(harness: harness, found: found, unauthorized: unauthorized,
                                        operation: lookup, judge: judge).run(baseline: baseline)
        checks.append(SecretCheck.run(harness))
        return ConformanceReport(adapter: Self.adapterName(baseline), checks: checks)
    }

    private func stateChecks(_ harness: ConformanceHarness,
                             _ lookup: @escaping @Sendable (ConformanceEnvironment, BuyerQuery) async throws -> Answer)
        async -> [ConformanceCheck] {
        var checks: [ConformanceCheck] = []
        func skipped(_ name: String) -> ConformanceCheck {
            ConformanceCheck(name: name, verdict: .skipped, detail: "no fixture given")
        }
        if let noMatch {
            let trial = await harness.trial(noMatch, lookup)
            var problem: String? = "expected no rating; \(trial.outcome.summary)"
            if case .value(let answer) = trial.outcome, answer.ratings.isEmpty { problem = nil }
            checks.append(check("no match gives no rating", problem))
        } else { checks.append(skipped("no match gives no rating")) }
        if let notFound {
            let trial = await harness.trial(notFound, lookup)
            checks.append(check("an unknown key gives not found", trial.outcome.problem(unlessFailure: [.notFound])))
        } else { checks.append(skipped("an unknown key gives not found")) }
        let states: [(String, ConformanceCase<BuyerQuery>?, RatingValue)] = [
            ("not rated is mapped", notRated, .notRated), ("in default is mapped", inDefault, .inDefault),
        ]
        for (name, situation, state) in states {
            guard let situation else { checks.append(skipped(name)); continue }
            let trial = await harness.trial(situation, lookup)
            var problem: String? = "expected a rating \(state); \(trial.outcome.summary)"
            if case .value(let answer) = trial.outcome, answer.ratings.contains(where: { $0.value == state }) {
                problem = nil
                let pd = try? answer.scale.probabilityOfDefault(for: state)
                if state == .inDefault, pd != 1 { problem = "the scale gives \(String(describing: pd)) for in default" }
            }
            checks.append(check(name, problem))
        }
        return checks
    }

    static func problems(in answer: Answer, otherScales: [RatingScale], otherSources: Set<String>,
                         expecting value: RatingValue?) -> String? {
        guard !answer.ratings.isEmpty else { return "no rating" }
        let scales = [answer.scale] + otherScales
        for rating in answer.ratings {
            guard rating.source == answer.name || otherSources.contains(rating.source) else {
                return "rating source \"\(rating.source)\" is neither the bureau's name \"\(answer.name)\" nor one of "
                    + "the other sources \(otherSources.sorted())"
            }
            guard let scale = scales.first(where: { $0.id == rating.scaleID }) else {
                return "rating on scale \(rating.scaleID), not the bureau's (\(scales.map(\.id)))"
            }
            do {
                if case .notRated = scale.normalized(rating.value) { continue }
                guard try scale.probabilityOfDefault(for: rating.value) != nil else {
                    return "\(rating.value) has no PD on \(scale.id)"
                }
            } catch {
                return "\(rating.value) is not on \(scale.id): \(error)"
            }
        }
        if let value, !answer.ratings.contains(where: { $0.value == value }) {
            return "expected a rating \(value); got \(answer.ratings.map(\.value))"
        }
        return nil
    }

    static func invalidResponseProblem<Value>(_ outcome: TrialOutcome<Value>, field: String?) -> String? {
        if let problem = outcome.problem(unlessFailure: [.invalidResponse]) { return problem }
        guard let field, let error = outcome.adapterError else { return nil }
        if error.field == field || error.description.contains(field) { return nil }
        return "the error names \(error.field ?? "no field"), expected \(field): \(error.description)"
    }

    private static func adapterName(_ baseline: Trial<Answer>) -> String {
        if case .value(let answer) = baseline.outcome { return answer.name }
        return "bureau"
    }
}

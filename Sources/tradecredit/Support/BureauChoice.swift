import Foundation
import TradeCredit

/// The bureau `rating --bureau` names: `sample`, `file:PATH`, `creditsafe` or `dnb`.
enum BureauChoice: Equatable {
    /// The embedded fictional ratings of the sample buyers.
    case sample
    /// A ratings file, as the user wrote its path.
    case file(String)
    /// A bureau asked over the network.
    case remote(RemoteBureau)

    /// - Throws: `InputError` naming `--bureau` for any other value, and for `file:` without a path.
    init(parsing text: String) throws {
        if text == "sample" {
            self = .sample
        } else if text.hasPrefix("file:") {
            let path = String(text.dropFirst(5))
            // An empty path would be reported as a file named "" (`tradecredit: : …`).
            guard !path.isEmpty else { throw InputError(file: "--bureau", "file: needs a PATH (\"\(text)\")") }
            self = .file(path)
        } else if let remote = RemoteBureau(rawValue: text) {
            self = .remote(remote)
        } else {
            throw InputError(file: "--bureau", "expected sample, file:PATH, creditsafe or dnb (\"\(text)\")")
        }
    }
}

/// A bureau reached over HTTP, with its credentials taken from environment variables (never from a flag, so that
/// they stay out of shell histories and process lists).
enum RemoteBureau: String, CaseIterable {
    case creditsafe, dnb

    /// The environment variables holding the user name (or client key) and the password (or client secret).
    var credentialVariables: (user: String, secret: String) {
        switch self {
        case .creditsafe: ("TRADECREDIT_CREDITSAFE_USERNAME", "TRADECREDIT_CREDITSAFE_PASSWORD")
        case .dnb: ("TRADECREDIT_DNB_CLIENT_KEY", "TRADECREDIT_DNB_CLIENT_SECRET")
        }
    }

    /// The address asked when `--base-url` is not given.
    var defaultBaseURL: URL {
        switch self {
        case .creditsafe: CreditsafeBureau.defaultBaseURL
        case .dnb: DnBBureau.defaultBaseURL
        }
    }

    /// Appended to a refusal of the credentials: where they came from.
    var credentialHint: String {
        "check \(credentialVariables.user) and \(credentialVariables.secret)"
    }

    /// The credentials from `environment`; an empty variable counts as missing.
    /// - Throws: `InputError` naming `--bureau` and every missing variable, never a value (status 2).
    func credentials(from environment: [String: String]) throws -> BureauCredentials {
        let names = credentialVariables
        let user = environment[names.user] ?? ""
        let secret = environment[names.secret] ?? ""
        let missing = [(names.user, user), (names.secret, secret)].filter { $0.1.isEmpty }.map(\.0)
        guard missing.isEmpty else {
            let list = missing.count == 1 ? "the environment variable \(missing[0])"
                : "the environment variables \(missing.joined(separator: " and "))"
            throw InputError(file: "--bureau", "\(rawValue) needs \(list) (not set or empty)")
        }
        return BureauCredentials(user: user, secret: secret)
    }

    /// The adapter, asking `baseURL` (its default when `nil`) through `client`.
    func open(baseURL: URL?, credentials: BureauCredentials, client: any HTTPClient) -> any RatingBureau {
        let url = baseURL ?? defaultBaseURL
        switch self {
        case .creditsafe:
            return CreditsafeBureau(baseURL: url, username: credentials.user, password: credentials.secret, client: client)
        case .dnb:
            return DnBBureau(baseURL: url, clientKey: credentials.user, clientSecret: credentials.secret, client: client)
        }
    }
}

/// A user name (or client key) and its secret. It describes itself without either, so that no interpolation or dump
/// can print them.
struct BureauCredentials: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    let user: String
    let secret: String

    var description: String { "BureauCredentials(redacted)" }
    var debugDescription: String { description }
    var customMirror: Mirror { Mirror(self, children: [:]) }
}

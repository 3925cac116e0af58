import Testing

extension NginxFixture {
    /// The nginx shared by the tests of a suite marked ``Trait/sharedNginx`` (a task-local set by the trait).
    @TaskLocal static var shared: NginxFixture?

    /// The shared fixture. - Throws: ``NginxFixtureError`` when the test does not run under ``Trait/sharedNginx``.
    static func current() throws -> NginxFixture {
        guard let shared else { throw NginxFixtureError("no shared nginx: mark the suite with .sharedNginx") }
        return shared
    }
}

/// Starts one nginx for a whole suite, makes it ``NginxFixture/shared`` while the suite's tests run (in parallel),
/// and stops it when the last one ends, whatever happened.
///
/// When nginx or openssl is missing, the suite is skipped, unless `TRADECREDIT_REQUIRE_NGINX=1` (CI): then it fails
/// with a message that says what to install.
struct SharedNginxTrait: SuiteTrait, TestScoping {
    func provideScope(for test: Test, testCase: Test.Case?,
                      performing function: @Sendable () async throws -> Void) async throws {
        guard NginxFixture.isAvailable else {
            // Only reached when the suite is enabled although nginx is missing, that is when it is required.
            throw NginxFixtureError("TRADECREDIT_REQUIRE_NGINX=1 but \(NginxFixture.unavailableReason)")
        }
        let fixture = try NginxFixture()
        defer {
            fixture.shutdown()
            if fixture.isRunning { Issue.record("nginx is still running after shutdown()") }
        }
        try await NginxFixture.$shared.withValue(fixture) { try await function() }
    }
}

extension Trait where Self == SharedNginxTrait {
    /// One nginx for the suite; see ``SharedNginxTrait``.
    static var sharedNginx: Self { Self() }
}

extension Trait where Self == ConditionTrait {
    /// Runs the suite when nginx and openssl are installed, or when `TRADECREDIT_REQUIRE_NGINX=1` demands it (so that
    /// a missing nginx then fails instead of skipping).
    static var nginxAvailableOrRequired: Self {
        .enabled(if: NginxFixture.isAvailable || NginxFixture.isRequired,
                 "nginx and openssl are not installed (Scripts/install-system-packages installs them)")
    }
}

import Foundation
import Testing
import TradeCreditModel
@testable import TradeCreditECB

@Suite("ECB XML files")
struct ECBRatesXMLTests {
    /// An ECB-style document: the declaration on line 1, the envelope on line 2, `body` from line 3 on, and the
    /// closing tag unless `closed` is false.
    private func document(_ body: String, namespace: String = "http://www.ecb.int/vocabulary/2002-08-01/eurofxref",
                          closed: Bool = true) -> Data {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="\(namespace)">
            \(body)
            """ + (closed ? "\n</gesmes:Envelope>\n" : "")
        return Data(text.utf8)
    }

    private func parse(_ data: Data) throws -> [RatePublication] {
        try ECBRatesFile.parseXML(data, file: "t.xml")
    }

    private func malformed(_ line: Int, _ field: String? = nil, _ message: String) -> ECBRatesError {
        ECBRatesError(.malformed, file: "t.xml", line: line, field: field, message: message)
    }

    // MARK: Real rates

    @Test func ninetyDayFileEqualsTheCSVRowsOfItsDays() throws {
        let xml = try ECBRatesFile.publications(from: ECBRatesFixtures.data("eurofxref-hist-90d-sample.xml"),
                                                file: "eurofxref-hist-90d.xml")
        let start = try ECBRatesFixtures.date("2025-12-23")
        let csv = try ECBRatesFixtures.samplePublications().filter { $0.date >= start }
        #expect(xml.count == 7)
        #expect(xml == csv)
        #expect(try xml.publication(on: "2025-12-31")?.publishedRate("BGN") == "1.9558")
        #expect(try xml.publication(on: "2026-01-02")?.publishedRate("BGN") == nil)
    }

    @Test func dailyFileEqualsTheHistoryAndTheDailyCSV() throws {
        let xml = try ECBRatesFile.publications(from: ECBRatesFixtures.data("eurofxref-daily.xml"), file: "eurofxref-daily.xml")
        let history = try #require(try ECBRatesFixtures.embedded.get().publication(on: "2026-10-30"))
        let dailyCSV = try ECBRatesFile.publications(from: ECBRatesFixtures.data("eurofxref-daily.csv"), file: "eurofxref-daily.csv")
        #expect(xml == [history])
        #expect(xml == dailyCSV)
        #expect(try xml[0].publishedRate("USD") == "1.1172")
        #expect(xml[0].source == "ECB")
    }

    @Test func acceptsDoubleQuotesCommentsPrefixesAndReferences() throws {
        let data = document("""
            <!-- a comment with <Cube> inside -->
            <e:Cube xmlns:e="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
              <e:Cube time = "2026-10-30" >
                <e:Cube currency="&#x55;S&#68;" rate="1&#46;1172" />
                <Cube currency='JPY' rate='175.68'></Cube>
                text, <![CDATA[ <ignored/> ]]> and more text
              </e:Cube>
            </e:Cube>
            <?ecb processing instruction?>
            """)
        let publications = try parse(data)
        #expect(publications.count == 1)
        #expect(try publications[0].publishedRate("USD") == "1.1172")
        #expect(try publications[0].publishedRate("JPY") == "175.68")
    }

    @Test func attributeValuesDecodeTheFivePredefinedEntities() throws {
        let raw = Array("a&lt;b&gt;c&amp;d&apos;e&quot;f&#65;&#x42;\tg".utf8)
        let value = try ECBXMLAttributeValue.decode(raw[...]) { ECBRatesError(.malformed, message: $0) }
        #expect(value == "a<b>c&d'e\"fAB g")
    }

    // MARK: Malformed documents

    @Test func missingRateNamesLineAndAttribute() {
        let data = document("""
            <Cube>
            <Cube time='2026-10-30'>
            <Cube currency='USD' rate='1.1172'/>
            <Cube currency='JPY'/>
            </Cube>
            </Cube>
            """)
        #expect(throws: malformed(6, "rate", "missing attribute")) { try parse(data) }
    }

    @Test func missingTimeAndCurrencyAreNamed() {
        #expect(throws: malformed(4, "time", "missing attribute")) {
            try parse(document("<Cube>\n<Cube date='2026-10-30'>\n</Cube>\n</Cube>"))
        }
        #expect(throws: malformed(5, "currency", "missing attribute")) {
            try parse(document("<Cube>\n<Cube time='2026-10-30'>\n<Cube rate='1.1'/>\n</Cube>\n</Cube>"))
        }
    }

    @Test func badValuesNameLineAndAttribute() {
        #expect(throws: malformed(5, "rate", "not a plain decimal number for USD (\"1,1172\")")) {
            try parse(document("<Cube>\n<Cube time='2026-10-30'>\n<Cube currency='USD' rate='1,1172'/>\n</Cube>\n</Cube>"))
        }
        #expect(throws: malformed(5, "currency", "not a known currency code (\"XYZ\")")) {
            try parse(document("<Cube>\n<Cube time='2026-10-30'>\n<Cube currency='XYZ' rate='1.1'/>\n</Cube>\n</Cube>"))
        }
        #expect(throws: malformed(4, "time", "not a date as YYYY-MM-DD (\"2026-02-30\")")) {
            try parse(document("<Cube>\n<Cube time='2026-02-30'>\n<Cube currency='USD' rate='1.1'/>\n</Cube>\n</Cube>"))
        }
        #expect(throws: malformed(5, "currency", "unknown entity &euro; (only &lt; &gt; &amp; &apos; &quot; and character references)")) {
            try parse(document("<Cube>\n<Cube time='2026-10-30'>\n<Cube currency='&euro;' rate='1.1'/>\n</Cube>\n</Cube>"))
        }
    }

    @Test func duplicateDayAndCurrencyAreRefused() {
        let twice = "<Cube>\n<Cube time='2026-10-30'>\n<Cube currency='USD' rate='1.1'/>\n</Cube>\n"
            + "<Cube time='2026-10-30'>\n<Cube currency='USD' rate='1.1'/>\n</Cube>\n</Cube>"
        #expect(throws: malformed(7, nil, "2026-10-30 appears twice (first on line 4)")) { try parse(document(twice)) }
        let sameCurrency = "<Cube>\n<Cube time='2026-10-30'>\n<Cube currency='USD' rate='1.1'/>\n"
            + "<Cube currency='USD' rate='1.2'/>\n</Cube>\n</Cube>"
        #expect(throws: malformed(6, "currency", "USD is quoted twice on 2026-10-30")) { try parse(document(sameCurrency)) }
    }

    @Test func truncatedDocumentsAreRefused() {
        let unclosed = document("<Cube>\n<Cube time='2026-10-30'>\n<Cube currency='USD' rate='1.1172'/>", closed: false)
        #expect(throws: malformed(5, nil, "the document ends before <Cube> (line 4) is closed: truncated")) {
            try parse(unclosed)
        }
        let insideTag = document("<Cube>\n<Cube time='2026-10-30'>\n<Cube currency='USD' rate='1.11", closed: false)
        #expect(throws: malformed(5, nil, "the document ends inside a tag (line 5): truncated")) { try parse(insideTag) }
        let insideComment = Data("<?xml version='1.0'?>\n<!-- no end".utf8)
        #expect(throws: malformed(2, nil, "the document ends inside a comment (line 2): truncated")) {
            try parse(insideComment)
        }
    }

    @Test func mismatchedTagsAreRefused() {
        #expect(throws: malformed(4, nil, "</Cube> does not close <gesmes:subject> (line 3)")) {
            try parse(document("<gesmes:subject>\n</Cube>"))
        }
    }

    @Test func doctypeAndEntitiesAreRefused() {
        let doctype = Data("""
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>
            <gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01"/>
            """.utf8)
        let expected = { (line: Int) in
            ECBRatesError(.unsupportedFormat, file: "t.xml", line: line, message: "DTDs and entities are not accepted")
        }
        #expect(throws: expected(2)) { try parse(doctype) }
        #expect(throws: expected(3)) { try parse(document("<!ENTITY xxe SYSTEM \"file:///etc/passwd\">")) }
    }

    @Test func otherNamespacesAreRefused() {
        let foreign = "<Cube>\n<Cube time='2026-10-30'>\n<Cube currency='USD' rate='1.1'/>\n</Cube>\n</Cube>"
        #expect(throws: ECBRatesError(.unsupportedFormat, file: "t.xml", line: 3,
                                      message: "<Cube> is in namespace http://example.com/rates, "
                                          + "not http://www.ecb.int/vocabulary/2002-08-01/eurofxref")) {
            try parse(document(foreign, namespace: "http://example.com/rates"))
        }
        #expect(throws: ECBRatesError(.unsupportedFormat, file: "t.xml", line: 1,
                                      message: "the root element is <html> in namespace (none), "
                                          + "not a gesmes:Envelope of http://www.gesmes.org/xml/2002-08-01")) {
            try parse(Data("<html><Cube/></html>".utf8))
        }
        #expect(throws: malformed(1, nil, "the namespace prefix \"x\" of <x:Envelope> is not declared")) {
            try parse(Data("<x:Envelope/>".utf8))
        }
    }

    @Test func emptyAndOversizedDocumentsAreRefused() throws {
        #expect(throws: ECBRatesError(.empty, file: "t.xml", message: "the file is empty")) { try parse(Data()) }
        #expect(throws: malformed(1, nil, "no root element")) { try parse(Data("<?xml version='1.0'?>".utf8)) }
        let data = document("<Cube/>")
        #expect(throws: ECBRatesError(.tooLarge, file: "t.xml", message: "\(data.count) bytes; at most 64 are accepted")) {
            try ECBRatesFile.parseXML(data, file: "t.xml", maximumSize: 64)
        }
        #expect(try parse(data).isEmpty)
    }
}

import Testing
@testable import TradeCredit

// The CSV reader under the buyers file: RFC 4180 quoting, LF and CRLF, blank lines skipped, and every error located
// at the line where its record starts (the header is line 1).

private let file = "t.csv"

private func table(_ text: String) throws -> CSVTable { try CSVTable(parsing: text, file: file) }

/// Parses `text`, expects an ``InputError`` and returns its one-line description.
@discardableResult
private func csvError(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> InputError? {
    #expect(throws: InputError.self, sourceLocation: sourceLocation) { try CSVTable(parsing: text, file: file) }
}

@Suite("CSVTable")
struct CSVTableTests {
    // MARK: - Quoting

    @Test func quotedFieldKeepsItsCommas() throws {
        let csv = try table("id,name,city\n1,\"Moreau, Fils et Cie\",Lyon\n")
        #expect(csv.header == ["id", "name", "city"])
        #expect(csv.rows.count == 1)
        #expect(csv.rows[0].value("name") == "Moreau, Fils et Cie")
        #expect(csv.rows[0].value("city") == "Lyon")
    }

    @Test func doubledQuotesAreOneQuote() throws {
        let csv = try table(#"""
        id,name
        1,"The ""Best"" Ltd"
        2,""""
        3,"a,""b"",c"
        """#)
        #expect(csv.rows.map { $0.value("name") } == [#"The "Best" Ltd"#, "\"", #"a,"b",c"#])
    }

    @Test func emptyQuotedFieldIsAnEmptyValue() throws {
        let csv = try table("id,name,note\n1,\"\",\"  \"\n")
        #expect(csv.rows[0].fields["name"] == "")
        #expect(csv.rows[0].value("name") == nil)
        #expect(csv.rows[0].value("note") == nil)
    }

    @Test func quoteAfterLeadingSpacesOpensAQuotedField() throws {
        let csv = try table("id,name\n1,  \"a, b\"  \n")
        #expect(csv.rows[0].value("name") == "a, b")
    }

    @Test func newlinesInsideQuotesAreKeptAndLaterLinesStillCount() throws {
        let text = "id,note\n" // line 1
            + "1,\"first line\nsecond line\nthird line\"\n" // lines 2-4
            + "2,plain\n" // line 5
            + "3,\"x\ny\"\n" // lines 6-7
            + "4,last\n" // line 8
        let csv = try table(text)
        #expect(csv.rows.map(\.line) == [2, 5, 6, 8])
        #expect(csv.rows[0].value("note") == "first line\nsecond line\nthird line")
        #expect(csv.rows[2].value("note") == "x\ny")
    }

    @Test func raggedRowAfterAMultilineFieldNamesItsOwnLine() {
        let error = csvError("id,note\n1,\"a\nb\nc\"\n2,ok\n3\n")
        #expect(error?.line == 6)
        #expect(error?.description == "t.csv:6: 1 fields where the header has 2")
    }

    // MARK: - Line ends

    @Test func crlfFiles() throws {
        let csv = try table("id,name\r\n1,a\r\n2,\"b\r\nc\"\r\n3,d\r\n")
        #expect(csv.header == ["id", "name"])
        #expect(csv.rows.map(\.line) == [2, 3, 5])
        #expect(csv.rows.map { $0.value("name") } == ["a", "b\r\nc", "d"])
        #expect(csv.rows[0].fields["name"] == "a", "no carriage return left at the end of a field")
    }

    @Test func crlfRaggedRowLine() {
        #expect(csvError("id,name\r\n1,a\r\n\r\n2,b,c\r\n")?.description == "t.csv:4: 3 fields where the header has 2")
    }

    @Test func blankLinesAreSkippedButCounted() throws {
        let csv = try table("id,name\n\n1,a\n   \n\t\n2,b\n\n")
        #expect(csv.rows.map(\.line) == [3, 6])
        #expect(csv.rows.map { $0.value("id") } == ["1", "2"])
    }

    @Test func blankLinesBeforeTheHeader() throws {
        let csv = try table("\n\nid,name\n1,a\n")
        #expect(csv.header == ["id", "name"])
        #expect(csv.headerLine == 3)
        #expect(csv.rows.map(\.line) == [4])
    }

    @Test(arguments: ["id,name\n1,a\n2,b\n", "id,name\n1,a\n2,b", "id,name\r\n1,a\r\n2,b", "id,name\n1,a\n2,b\n\n\n"])
    func trailingNewlineOrNot(_ text: String) throws {
        let csv = try table(text)
        #expect(csv.rows.map(\.line) == [2, 3])
        #expect(csv.rows.map { $0.value("name") } == ["a", "b"])
    }

    @Test func lastRecordIsAQuotedFieldWithNoNewline() throws {
        let csv = try table("id,name\n1,\"a \"\"b\"\"\"")
        #expect(csv.rows.map { $0.value("name") } == [#"a "b""#])
    }

    @Test func headerOnly() throws {
        let csv = try table("id,name\n")
        #expect(csv.header == ["id", "name"])
        #expect(csv.rows.isEmpty)
    }

    // MARK: - Values

    @Test func valuesAreTrimmedAndAbsentColumnsAreNil() throws {
        let csv = try table(" id , name \n 7 ,  Acme  \n")
        #expect(csv.header == ["id", "name"])
        #expect(csv.rows[0].value("id") == "7")
        #expect(csv.rows[0].value("name") == "Acme")
        #expect(csv.rows[0].fields["name"] == "  Acme  ")
        #expect(csv.rows[0].value("country") == nil)
    }

    // MARK: - Header names

    @Test func headerNamesAreLowerCased() throws {
        let csv = try table("ID,LEGAL_NAME,Country\n1,Acme,FR\n")
        #expect(csv.header == ["id", "legal_name", "country"])
        #expect(csv.rows[0].value("id") == "1")
        #expect(csv.rows[0].value("legal_name") == "Acme")
        #expect(csv.rows[0].value("country") == "FR")
        // Only the header: values keep their case.
        #expect(csv.rows[0].value("ID") == nil)
        try csv.requireColumns(["id", "legal_name", "country"], file: file)
    }

    @Test func namesDifferingOnlyInCaseAreTheSameColumn() {
        #expect(csvError("id,name,ID\n1,a,2\n")?.description == "t.csv:1: id: column appears twice in the header")
    }

    @Test func aLeadingByteOrderMarkIsStripped() throws {
        let csv = try table("\u{FEFF}id,name\n1,a\n")
        #expect(csv.header == ["id", "name"])
        #expect(csv.rows[0].value("id") == "1")
        // Only a leading one: a mark inside the text is data.
        let inner = try table("id,name\n1,\u{FEFF}a\n")
        #expect(inner.rows[0].value("name") == "\u{FEFF}a")
    }

    // MARK: - Errors

    @Test func raggedRows() {
        let short = csvError("id,name,country\n1,a,FR\n2,b\n")
        #expect(short == InputError(file: "t.csv", line: 3, "2 fields where the header has 3"))
        #expect(short?.description == "t.csv:3: 2 fields where the header has 3")
        let long = csvError("id,name\n1,a,extra\n")
        #expect(long?.description == "t.csv:2: 3 fields where the header has 2")
    }

    @Test func unclosedQuote() {
        let error = csvError("id,name\n1,a\n2,\"never closed\n3,c\n")
        #expect(error?.line == 3, "the line where the quoted field's record starts")
        #expect(error?.description == "t.csv:3: a quoted field is not closed before the end of the file")
    }

    @Test func unclosedQuoteInTheHeader() {
        #expect(csvError("id,\"name\n")?.description
                    == "t.csv:1: a quoted field is not closed before the end of the file")
    }

    @Test(arguments: ["", "\n", "\n\n  \n", "\r\n"])
    func emptyFile(_ text: String) {
        let error = csvError(text)
        #expect(error?.description == "t.csv:1: the file is empty: expected a header line")
    }

    @Test func duplicateHeaderName() {
        let error = csvError("id,name,id\n1,a,2\n")
        #expect(error == InputError(file: "t.csv", line: 1, field: "id", "column appears twice in the header"))
        #expect(error?.description == "t.csv:1: id: column appears twice in the header")
        // Header names are trimmed before they are compared.
        #expect(csvError("name, name\n")?.description == "t.csv:1: name: column appears twice in the header")
    }

    @Test func emptyHeaderName() {
        #expect(csvError("id,,name\n1,2,3\n")?.description == "t.csv:1: empty column name in the header")
        #expect(csvError("id,name,\n")?.description == "t.csv:1: empty column name in the header")
        #expect(csvError("id,  ,name\n")?.description == "t.csv:1: empty column name in the header")
    }

    @Test func headerErrorsNameTheHeaderLine() {
        #expect(csvError("\n\nid,id\n")?.description == "t.csv:3: id: column appears twice in the header")
    }

    // MARK: - requireColumns

    @Test func requireColumns() throws {
        let csv = try table("id,name,colour\n")
        try csv.requireColumns(["id"], optional: ["name", "colour"], file: file)
        let missing = #expect(throws: InputError.self) {
            try csv.requireColumns(["id", "country"], optional: ["name", "colour"], file: file)
        }
        #expect(missing?.description == "t.csv:1: country: required column is missing")
        let unknown = #expect(throws: InputError.self) { try csv.requireColumns(["id"], optional: ["name"], file: file) }
        #expect(unknown?.description == "t.csv:1: colour: unknown column (known: id, name)")
    }

    @Test func requireColumnsNamesTheHeaderLineAfterBlankLines() throws {
        // Blank lines before the header are skipped; a header error must still point at the header's own line.
        let csv = try table("\n\nid,name\n1,a\n")
        let error = #expect(throws: InputError.self) { try csv.requireColumns(["id", "country"], file: file) }
        #expect(error?.description == "t.csv:3: country: required column is missing")
    }
}

@Suite("InputError")
struct InputErrorTests {
    @Test func descriptionWithAndWithoutLineAndField() {
        #expect(InputError(file: "buyers.csv", line: 7, field: "country", "bad").description == "buyers.csv:7: country: bad")
        #expect(InputError(file: "buyers.csv", line: 7, "bad").description == "buyers.csv:7: bad")
        #expect(InputError(file: "buyers.csv", field: "country", "bad").description == "buyers.csv: country: bad")
        #expect(InputError(file: "buyers.csv", "no such file").description == "buyers.csv: no such file")
        #expect(InputError(file: "--amount", "not a number").description == "--amount: not a number")
    }

    @Test func fromAModelErrorKeepsItsValueAndTakesTheColumn() {
        let model = ModelError(.unknownCountry, field: "country", value: "ZZ", "unknown ISO 3166-1 alpha-2 country code")
        let named = InputError(file: "buyers.csv", line: 3, column: "buyer_country", model)
        #expect(named.field == "buyer_country")
        #expect(named.message == #"unknown ISO 3166-1 alpha-2 country code ("ZZ")"#)
        #expect(named.description == #"buyers.csv:3: buyer_country: unknown ISO 3166-1 alpha-2 country code ("ZZ")"#)
        // Without a column, the model error's own field is kept.
        let kept = InputError(file: "buyers.csv", line: 3, model)
        #expect(kept.description == #"buyers.csv:3: country: unknown ISO 3166-1 alpha-2 country code ("ZZ")"#)
        // Neither a value nor a field nor a line.
        let bare = InputError(file: "x.csv", line: nil, ModelError(.missingValue, "something is missing"))
        #expect(bare.description == "x.csv: something is missing")
    }

    @Test func descriptionIsOneLine() throws {
        let error = #expect(throws: InputError.self) { try CSVTable(parsing: "a,b\n1\n", file: "f.csv") }
        #expect(error?.description.contains("\n") == false)
    }
}

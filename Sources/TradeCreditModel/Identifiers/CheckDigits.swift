/// The check-digit algorithms behind the identifier schemes.
///
/// Each function takes text that its caller has already normalised; a character outside the expected set makes the
/// check fail rather than trap.
enum CheckDigits {
    /// `true` when `digits` (ASCII digits, not empty) ends with a valid Luhn (mod 10) check digit, as a SIREN does.
    static func luhn(_ digits: some StringProtocol) -> Bool {
        guard !digits.isEmpty else { return false }
        var sum = 0
        // Walk from the check digit leftwards, doubling every second digit.
        for (position, character) in digits.reversed().enumerated() {
            guard let digit = asciiDigit(character) else { return false }
            let weighted = position.isMultiple(of: 2) ? digit : digit * 2
            sum += weighted > 9 ? weighted - 9 : weighted
        }
        return sum.isMultiple(of: 10)
    }

    /// The ISO 7064 MOD 97-10 remainder of `text` (ASCII digits and upper-case letters, A = 10 … Z = 35), or `nil`
    /// for any other character. An LEI is valid when this is 1.
    static func mod97(_ text: some StringProtocol) -> Int? {
        guard !text.isEmpty else { return nil }
        // Reduce as we go so that 20 characters (up to 40 digits) never need a big integer.
        var remainder = 0
        for character in text {
            if let digit = asciiDigit(character) {
                remainder = (remainder * 10 + digit) % 97
            } else if let letter = asciiUppercaseLetterValue(character) {
                remainder = (remainder * 100 + letter) % 97
            } else {
                return nil
            }
        }
        return remainder
    }

    /// The sum of the ASCII digits of `digits` (La Poste's SIRET rule wants a multiple of 5); other characters count 0.
    static func digitSum(_ digits: some StringProtocol) -> Int {
        digits.reduce(0) { $0 + (asciiDigit($1) ?? 0) }
    }

    /// The two-digit key (0–96) of the French VAT number of `siren`: (12 + 3 × (SIREN mod 97)) mod 97.
    static func frenchVATKey(forSIREN siren: Int) -> Int {
        (12 + 3 * (siren % 97)) % 97
    }

    /// The value of an ASCII digit, or `nil`; `Character.wholeNumberValue` would also take other scripts' digits.
    static func asciiDigit(_ character: Character) -> Int? {
        guard let ascii = character.asciiValue, ascii >= 48, ascii <= 57 else { return nil }
        return Int(ascii - 48)
    }

    /// 10 for `A` … 35 for `Z`, or `nil` for anything else.
    private static func asciiUppercaseLetterValue(_ character: Character) -> Int? {
        guard let ascii = character.asciiValue, ascii >= 65, ascii <= 90 else { return nil }
        return Int(ascii - 65) + 10
    }
}

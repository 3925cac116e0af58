/// Neumaier's compensated sum: the error does not grow with the number of terms.
struct CompensatedSum {
    private var sum = 0.0, compensation = 0.0

    mutating func add(_ term: Double) {
        let next = sum + term
        compensation += abs(sum) >= abs(term) ? (sum - next) + term : (term - next) + sum
        sum = next
    }

    var value: Double { sum + compensation }
}

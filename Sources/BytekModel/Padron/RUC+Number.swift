extension RUC {
    /// The check digit of a RUC's first ten digits given as a number (2010004721 → 8): the same modulo-11
    /// rule as `checkDigit(_:)`, without text, for the padrón's byte loops (millions of lines).
    @inlinable
    public static func checkDigit(firstTen value: Int64) -> Int64 {
        var rest = value
        var sum: Int64 = 0
        for weight: Int64 in [2, 3, 4, 5, 6, 7, 2, 3, 4, 5] {
            sum += (rest % 10) * weight
            rest /= 10
        }
        let check = 11 - sum % 11
        return check == 10 ? 0 : check == 11 ? 1 : check
    }
}

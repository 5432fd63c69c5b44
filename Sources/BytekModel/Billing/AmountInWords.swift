import Foundation

/// The amount in words that every Peruvian invoice carries (SUNAT legend 1000):
/// "SON: MIL DOSCIENTOS TREINTA Y CUATRO CON 50/100 SOLES".
///
/// Spanish rules applied: "cien" alone but "ciento uno"; "mil" (not "un mil"); "uno" becomes "un"
/// before "mil", "millón" and "billón" ("veintiún mil", "un millón", "ciento un millones"), and stays "uno"
/// at the end ("mil uno"); 16 to 29 are single words ("dieciséis", "veintidós"); the cents are
/// written as a fraction of 100.
public enum AmountInWords {
    /// "SON: … CON cc/100 SOLES" for the amount rounded to cents. Negative amounts are written as
    /// their absolute value (a credit note states its amount, not a sign).
    public static func legend(_ money: Money) -> String {
        "SON: " + phrase(money)
    }

    /// "… CON cc/100 SOLES" (without "SON:").
    public static func phrase(_ money: Money) -> String {
        let cents = money.rounded().minorUnits.magnitude
        let whole = cents / 100
        let fraction = cents % 100
        let currency = money.currency == .pen ? "SOLES" : "DÓLARES AMERICANOS"
        return words(whole).uppercased() + " CON " + (fraction < 10 ? "0" : "") + String(fraction) + "/100 " + currency
    }

    /// A whole number in Spanish words, lower case ("mil doscientos treinta y cuatro").
    public static func words(_ n: UInt64) -> String {
        if n == 0 { return "cero" }
        return compose(n, final: true)
    }

    /// `final` is true when nothing follows (so "uno" keeps its full form). Spanish counts in the long
    /// scale: a thousand millions are "mil millones", a million millions (10¹²) "un billón".
    private static func compose(_ n: UInt64, final: Bool) -> String {
        var parts: [String] = []
        let billions = n / 1_000_000_000_000
        if billions > 0 {
            parts.append(billions == 1 ? "un billón" : compose(billions, final: false) + " billones")
        }
        let millions = (n / 1_000_000) % 1_000_000
        let thousands = (n / 1000) % 1000
        let rest = n % 1000
        if millions > 0 {
            parts.append(millions == 1 ? "un millón" : compose(millions, final: false) + " millones")
        }
        if thousands > 0 {
            parts.append(thousands == 1 ? "mil" : hundreds(thousands, final: false) + " mil")
        }
        if rest > 0 {
            parts.append(hundreds(rest, final: final))
        }
        return parts.joined(separator: " ")
    }

    private static let units = ["", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"]
    private static let teens = ["diez", "once", "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete",
                                "dieciocho", "diecinueve"]
    private static let twenties = ["veinte", "veintiuno", "veintidós", "veintitrés", "veinticuatro", "veinticinco",
                                   "veintiséis", "veintisiete", "veintiocho", "veintinueve"]
    private static let tens = ["", "", "", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"]
    private static let hundredsWords = ["", "ciento", "doscientos", "trescientos", "cuatrocientos", "quinientos",
                                        "seiscientos", "setecientos", "ochocientos", "novecientos"]

    /// 1…999. Not final: "uno" → "un", "veintiuno" → "veintiún" (they precede "mil"/"millones").
    private static func hundreds(_ n: UInt64, final: Bool) -> String {
        if n == 100 { return "cien" }
        let h = Int(n / 100), t = Int(n % 100)
        var out: [String] = []
        if h > 0 { out.append(hundredsWords[h]) }
        if t > 0 { out.append(belowHundred(t, final: final)) }
        return out.joined(separator: " ")
    }

    private static func belowHundred(_ n: Int, final: Bool) -> String {
        switch n {
        case 1: return final ? "uno" : "un"
        case 2..<10: return units[n]
        case 10..<20: return teens[n - 10]
        case 21 where !final: return "veintiún"
        case 20..<30: return twenties[n - 20]
        default:
            let u = n % 10
            if u == 0 { return tens[n / 10] }
            return tens[n / 10] + " y " + (u == 1 ? (final ? "uno" : "un") : units[u])
        }
    }
}

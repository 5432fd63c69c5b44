import Foundation

/// Reads a file of SUNAT's published rates: one day a line, fecha, compra, venta. Accepts SUNAT's
/// own text (`28/11/2026|3.375|3.382|`), CSV with commas, semicolons or tabs (as Excel saves it),
/// an optional header line naming the columns (fecha/día, compra, venta, in any order), and dates as
/// dd/mm/aaaa or aaaa-mm-dd. Every bad line is reported with its number and why.
public enum ExchangeRateCSV {
    public struct Row: Sendable, Hashable {
        public let line: Int
        public let date: LocalDate
        public let buyMilli: Int64
        public let sellMilli: Int64
    }

    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        public let line: Int
        public let reason: String
        public var description: String { "línea \(line): " + reason }
    }

    public struct Result: Sendable, Hashable {
        public var rows: [Row] = []
        public var problems: [Problem] = []
    }

    public static func parse(_ text: String) -> Result {
        var result = Result()
        var columns = (date: 0, buy: 1, sell: 2)
        var seen: [LocalDate: Int] = [:]
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (i, raw) in lines.enumerated() {
            let number = i + 1
            var line = String(raw)
            if i == 0, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            let cells = split(line)
            let folded = cells.map { TextFold.fold($0) }
            if result.rows.isEmpty, result.problems.isEmpty, folded.contains("compra"), folded.contains("venta") {
                columns = (folded.firstIndex { $0 == "fecha" || $0 == "dia" } ?? 0,
                           folded.firstIndex(of: "compra")!, folded.firstIndex(of: "venta")!)
                continue
            }
            guard cells.count > max(columns.date, columns.buy, columns.sell) else {
                result.problems.append(Problem(line: number, reason: "faltan columnas (fecha, compra, venta)"))
                continue
            }
            guard let date = ExchangeRateRule.parseDate(cells[columns.date]) else {
                result.problems.append(Problem(line: number, reason: ExchangeRateError.invalidDate(cells[columns.date]).message))
                continue
            }
            let buy: Int64, sell: Int64
            do { buy = try ExchangeRate.milli(cells[columns.buy], confirmed: false) } catch {
                result.problems.append(Problem(line: number, reason: "compra: " + error.message)); continue
            }
            do { sell = try ExchangeRate.milli(cells[columns.sell], confirmed: false) } catch {
                result.problems.append(Problem(line: number, reason: "venta: " + error.message)); continue
            }
            do { try ExchangeRate.checkPair(buyMilli: buy, sellMilli: sell) } catch {
                result.problems.append(Problem(line: number, reason: error.message)); continue
            }
            if let first = seen[date] {
                result.problems.append(Problem(line: number, reason: "la fecha \(ExchangeRateRule.dayMonthYear(date)) ya está en la línea \(first)"))
                continue
            }
            seen[date] = number
            result.rows.append(Row(line: number, date: date, buyMilli: buy, sellMilli: sell))
        }
        return result
    }

    /// The cells of a line: split at «|», «;», a tab, or «,» (a comma only when no other separator is
    /// there, since «;» files may write decimals with a comma). A trailing empty cell is dropped.
    static func split(_ line: String) -> [String] {
        let separator: Character = line.contains("|") ? "|" : line.contains(";") ? ";" : line.contains("\t") ? "\t" : ","
        var cells = line.split(separator: separator, omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        if cells.last == "" { cells.removeLast() }
        return cells
    }
}

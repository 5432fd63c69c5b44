import Foundation

/// Reads a bank's CSV (already split by `CSVReader`) with the bank's mapping into statement lines, in the
/// bank account's currency. Pure: no I/O.
public enum BankStatementParser {
    /// What is wrong with one line of the file.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        public var line: Int
        public var column: String
        public var message: String
        public var description: String { "línea \(line): \(column): \(message)" }
    }

    public struct Result: Sendable, Hashable {
        public var lines: [BankStatementLine] = []
        public var problems: [Problem] = []
    }

    public static func parse(_ table: CSVTable, mapping: BankStatementMapping, currency: Currency) -> Result {
        var result = Result()
        let names = table.header.map(BankStatementMapping.columnKey)
        func column(_ name: String?) -> Int? { name.flatMap { names.firstIndex(of: BankStatementMapping.columnKey($0)) } }
        let missing = mapping.missingColumns(in: table.header)
        guard missing.isEmpty, let dateAt = column(mapping.date), let descriptionAt = column(mapping.description),
              let amountAt = column(mapping.amount) else {
            result.problems.append(Problem(line: 1, column: "encabezado",
                                           message: "faltan las columnas " + missing.joined(separator: ", ")
                                               + "; revise la correspondencia de columnas de este banco"))
            return result
        }
        let debitAt = column(mapping.debit), operationAt = column(mapping.operation), balanceAt = column(mapping.balance)
        var seen: [String: Int] = [:]
        for record in table.records {
            func cell(_ i: Int?) -> String {
                guard let i, i < record.fields.count else { return "" }
                return record.fields[i].trimmingCharacters(in: .whitespacesAndNewlines)
            }
            if record.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            var problems: [Problem] = []
            func problem(_ column: String, _ message: String) {
                problems.append(Problem(line: record.line, column: column, message: message))
            }
            let date = parseDate(cell(dateAt), order: mapping.dateOrder)
            if date == nil { problem(mapping.date, "«\(cell(dateAt))» no es una fecha \(mapping.dateOrder.rawValue)") }
            var amount: Money?
            let credit = cell(amountAt), debit = cell(debitAt)
            do {
                if !credit.isEmpty { amount = try Money.parse(credit, currency: currency) }
                if !debit.isEmpty {
                    let d = try Money.parse(debit, currency: currency)
                    amount = (amount ?? .zero(currency)) - Money(d.amount.magnitude, currency)
                }
                if amount == nil { problem(mapping.amount, "falta el monto") }
            } catch {
                problem(mapping.amount, "«\(credit.isEmpty ? debit : credit)» no es un monto válido" + why(error))
            }
            var balance: Money?
            if balanceAt != nil, !cell(balanceAt).isEmpty {
                balance = try? Money.parse(cell(balanceAt), currency: currency)
                if balance == nil { problem(mapping.balance ?? "saldo", "«\(cell(balanceAt))» no es un monto válido") }
            }
            let operation = cell(operationAt)
            if operation.count > 40 { problem(mapping.operation ?? "operación", "el número de operación pasa de 40 caracteres") }
            let description = String(cell(descriptionAt).prefix(300))
            guard problems.isEmpty, let date, let amount else { result.problems += problems; continue }
            let key: String
            if !operation.isEmpty {
                key = "op:" + operation
            } else {
                let base = date.description + "|" + amount.plainAmount + "|" + TextFold.fold(description)
                let n = seen[base, default: 0]
                seen[base] = n + 1
                key = "h:" + SHA256.hex(base + "|" + String(n))
            }
            result.lines.append(BankStatementLine(fileLine: record.line, date: date, description: description, amount: amount,
                                                  operationNumber: operation, balance: balance, key: key))
        }
        return result
    }

    static func why(_ e: MoneyError) -> String {
        switch e {
        case .tooManyDecimals(let max): return " (a lo más \(max) decimales)"
        case .outOfRange: return " (demasiado grande)"
        case .currencyMismatch(let expected, _): return " (la cuenta es en \(expected.rawValue))"
        case .empty, .invalidFormat: return ""
        }
    }

    /// 31/12/2026, 31-12-2026, 31/12/26 (day first) or 2026-12-31 (year first); a time after a space is ignored.
    public static func parseDate(_ text: String, order: BankStatementMapping.DateOrder) -> LocalDate? {
        let day = text.split(separator: " ").first.map(String.init) ?? ""
        let parts = day.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).map { Int($0) }
        guard parts.count == 3, let a = parts[0], let b = parts[1], let c = parts[2] else { return nil }
        switch order {
        case .dayMonthYear: return LocalDate(year: c < 100 ? 2000 + c : c, month: b, day: a)
        case .yearMonthDay: return LocalDate(year: a, month: b, day: c)
        }
    }
}

/// Which column of a bank's CSV holds what: chosen once per bank (BCP, Interbank…) and remembered.
/// Column names are compared as `columnKey` does (case, accents and spaces ignored).
public struct BankStatementMapping: Sendable, Hashable, Codable {
    /// How the file writes dates.
    public enum DateOrder: String, Sendable, Hashable, Codable, CaseIterable {
        /// 31/12/2026 (also 31-12-2026).
        case dayMonthYear = "dd/mm/aaaa"
        /// 2026-12-31.
        case yearMonthDay = "aaaa-mm-dd"
    }

    public var date: String
    public var description: String
    /// The signed amount, or the credit (abono) column when `debit` is set.
    public var amount: String
    /// A separate charge (cargo) column, when the bank splits them.
    public var debit: String?
    public var operation: String?
    public var balance: String?
    public var dateOrder: DateOrder

    public init(date: String, description: String, amount: String, debit: String? = nil, operation: String? = nil,
                balance: String? = nil, dateOrder: DateOrder = .dayMonthYear) {
        self.date = date; self.description = description; self.amount = amount; self.debit = debit
        self.operation = operation; self.balance = balance; self.dateOrder = dateOrder
    }

    /// The words each role's column usually has in Peruvian banks' files, canonical.
    static let dateWords = ["fecha", "fecha_operacion", "fecha_de_operacion", "f_operacion", "fecha_valuta", "fecha_proceso"]
    static let descriptionWords = ["descripcion", "descripcion_operacion", "concepto", "detalle", "glosa", "referencia"]
    static let amountWords = ["monto", "importe", "abono", "abonos", "ingreso", "ingresos", "credito", "haber"]
    static let debitWords = ["cargo", "cargos", "egreso", "egresos", "debito", "debe"]
    static let operationWords = ["operacion", "numero_operacion", "nro_operacion", "n_operacion", "operacion_numero",
                                 "num_operacion", "nro_de_operacion", "numero_de_operacion"]
    static let balanceWords = ["saldo", "saldo_contable", "saldo_disponible"]

    /// A header's name as the mapping compares it: `CSVColumnMap.canonical`, with every run of other than
    /// letters and digits made one "_" ("Operación - Número" is `operacion_numero`, "Nro. Operación" `nro_operacion`).
    public static func columnKey(_ name: String) -> String {
        CSVColumnMap.canonical(name).split(whereSeparator: { !($0.isLetter || $0.isNumber) }).joined(separator: "_")
    }

    /// A first proposal from the header's names (the user confirms or changes it); nil when no date,
    /// description or amount column is recognized.
    public static func guess(header: [String]) -> BankStatementMapping? {
        let names = header.map(Self.columnKey)
        func find(_ words: [String]) -> String? {
            for w in words { if let i = names.firstIndex(of: w) { return header[i] } }
            return nil
        }
        guard let date = find(dateWords), let description = find(descriptionWords), let amount = find(amountWords) else {
            return nil
        }
        return BankStatementMapping(date: date, description: description, amount: amount, debit: find(debitWords),
                                    operation: find(operationWords), balance: find(balanceWords))
    }

    /// The columns the mapping names that `header` lacks (canonical names), empty when it fits.
    public func missingColumns(in header: [String]) -> [String] {
        let names = Set(header.map(Self.columnKey))
        return [date, description, amount, debit, operation, balance].compactMap { $0 }
            .filter { !names.contains(Self.columnKey($0)) }
    }
}

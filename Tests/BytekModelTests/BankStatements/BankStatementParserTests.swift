import Foundation
import Testing
@testable import BytekModel

/// A bank's CSV read with its mapping: signed or split amounts, dates day-first, the line key that keeps a
/// re-import from duplicating, and the bad lines named.
@Suite struct BankStatementParserTests {
    static let bcp = """
    Fecha,Descripción operación,Monto,Saldo,Operación - Número
    02/12/2026,TRANSF DE 20100047218 CLIENTE A SAC,"1,180.00","10,180.00",00451234
    02/12/2026,ABONO VARIOS,250.50,"10,430.50",
    02/12/2026,ABONO VARIOS,250.50,"10,681.00",
    03/12/2026,COMISION MANTENIMIENTO,-12.00,"10,669.00",00451240
    31/02/2026,MAL,1.00,,
    04/12/2026,CARO,12345678901234567890,,
    """

    @Test func guessesTheMappingAndReadsEveryLine() throws {
        let table = try CSVReader.parse(text: Self.bcp)
        let mapping = try #require(BankStatementMapping.guess(header: table.header))
        #expect(mapping.date == "Fecha" && mapping.description == "Descripción operación" && mapping.amount == "Monto")
        #expect(mapping.operation == "Operación - Número" && mapping.balance == "Saldo" && mapping.debit == nil)
        let r = BankStatementParser.parse(table, mapping: mapping, currency: .pen)
        #expect(r.lines.map(\.amount) == [Money(1180, .pen), Money(Decimal(string: "250.5")!, .pen),
                                          Money(Decimal(string: "250.5")!, .pen), Money(-12, .pen)])
        #expect(r.lines[0].key == "op:00451234" && r.lines[0].date == LocalDate("2026-12-02"))
        #expect(r.lines[0].balance == Money(10180, .pen))
        // Two identical movements without an operation number: two keys, the same ones on every import.
        #expect(r.lines[1].key != r.lines[2].key && r.lines[1].key.hasPrefix("h:"))
        let again = BankStatementParser.parse(try CSVReader.parse(text: Self.bcp), mapping: mapping, currency: .pen)
        #expect(again.lines.map(\.key) == r.lines.map(\.key))
        #expect(r.problems.map(\.description) == [
            "línea 6: Fecha: «31/02/2026» no es una fecha dd/mm/aaaa",
            "línea 7: Monto: «12345678901234567890» no es un monto válido (demasiado grande)",
        ])
    }

    @Test func splitCreditAndDebitColumnsAndAMissingColumn() throws {
        let text = "F. Operación,Concepto,Abono,Cargo,Nro Operación\n2026-12-05,YAPE 987654321,45.00,,778\n2026-12-05,ITF,,0.05,779\n"
        let table = try CSVReader.parse(text: text)
        var mapping = try #require(BankStatementMapping.guess(header: ["Fecha", "Concepto", "Abono", "Cargo", "Nro Operación"]))
        mapping.date = "F. Operación"
        mapping.dateOrder = .yearMonthDay
        let r = BankStatementParser.parse(table, mapping: mapping, currency: .usd)
        #expect(r.problems.isEmpty)
        #expect(r.lines.map(\.amount) == [Money(45, .usd), Money(Decimal(string: "-0.05")!, .usd)])
        let other = BankStatementParser.parse(try CSVReader.parse(text: "Fecha,Glosa,Importe\n"),
                                              mapping: mapping, currency: .pen)
        #expect(other.problems.first?.description.contains("faltan las columnas") == true, "\(other.problems)")
    }
}

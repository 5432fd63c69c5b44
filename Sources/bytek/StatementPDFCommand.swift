import BytekModel
import BytekServices
import BytekTUI
import Foundation

/// `bytek estado-cuenta RUC --pdf ARCHIVO`: the estado de cuenta as the same PDF the TUI prints
/// (`-` writes it to standard output).
@MainActor
enum StatementPDFCommand {
    static func write(_ services: Services, customerId: Int64, from: LocalDate, to: LocalDate, path: String) throws -> Int32 {
        do {
            if path == "-" {
                let temp = NSTemporaryDirectory() + "bytek-estado-\(UUID().uuidString).pdf"
                defer { try? FileManager.default.removeItem(atPath: temp) }
                try services.receivables.statementPDF(customerId: customerId, from: from, to: to, path: temp)
                FileHandle.standardOutput.write(try Data(contentsOf: URL(fileURLWithPath: temp)))
            } else {
                let pages = try services.receivables.statementPDF(customerId: customerId, from: from, to: to, path: path)
                Console.out("Estado de cuenta guardado en \(path) (\(pages) página\(pages == 1 ? "" : "s")).")
            }
            return 0
        } catch let e as QuotePrintingError {
            throw CLIError.failure(QuotePrinting.message(e))
        }
    }
}

import BytekDocuments
import BytekModel
import BytekServices
import BytekStore
import BytekTUI
import Foundation

/// `bytek invoice pdf SERIE-NÚMERO [--ticket] [-o FILE]`: writes the printed representation of an
/// issued document (A4, or the 80 mm ticket with `--ticket`) and prints the file's path; `-o -` writes
/// the PDF itself to standard output.
///
/// The document and its digest come from the store exactly as issued; the logo is the company
/// profile's, as on quotes. Without `-o` the file goes to the documents folder beside the database
/// (`documentos/F001-123.pdf`, `documentos/F001-123-ticket.pdf`). Needs read access to Facturación.
@MainActor
enum InvoicePDFCommand {
    static func run(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let ticket = args.flag("--ticket")
        let output = try args.option("-o") ?? args.option("--output")
        let id = try args.requirePositional("SERIE-NÚMERO").uppercased()
        try args.finish()
        let invoices = try InvoiceCommand.services(context).invoices
        let record = try InvoiceCommand.existing(id) { try invoices.record(documentID: id) }
        let format: InvoicePaperFormat = ticket ? .ticket80 : .a4
        let requested = target(output, name: record.documentID + (ticket ? "-ticket" : "") + ".pdf")
        let path: String
        do {
            // A document SUNAT rejected or has not accepted yet says so across every page.
            path = try invoices.writePDF(id: record.id, format: format, to: requested)
        } catch let e as InvoicePDFError {
            throw CLIError.failure(e.message)
        } catch BillingError.documentUnreadable {
            throw CLIError.failure("no se pudo leer el comprobante \(id) guardado")
        }
        if StandardOutputFile.isRequested(output) {
            try StandardOutputFile.emit(path)
            return 0
        }
        Console.out(path)
        return 0
    }

    /// `path`, a temporary file for `-`, or nil: the documents folder beside the database (the service
    /// creates the folder).
    private static func target(_ path: String?, name: String) -> String? {
        if StandardOutputFile.isRequested(path) { return StandardOutputFile.temporaryPath(named: name) }
        if let path, !path.isEmpty { return path }
        return nil
    }
}

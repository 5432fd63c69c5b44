import BytekDocuments
import BytekModel
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
        let store = try context.openStore()
        _ = try context.requireUser(store, .read, .billing)
        let repo = EDocumentRepository(db: store.db)
        guard let record = try repo.record(documentID: id) else { throw CLIError.failure("no existe el comprobante \(id)") }
        guard let document = try repo.document(id: record.id) else {
            throw CLIError.failure("no se pudo leer el comprobante \(id) guardado")
        }
        let profile = try CompanyProfileRepository(db: store.db, user: "").load()
        let logo = CompanyInfo(profile: profile, dataFolder: QuotePrinting.dataFolder(of: store)).logoPath
        let format: InvoicePaperFormat = ticket ? .ticket80 : .a4
        let path = try target(output, store: store,
                              name: record.documentID + (ticket ? "-ticket" : "") + ".pdf")
        do {
            // A document SUNAT rejected or has not accepted yet says so across every page.
            try InvoicePDF.write(InvoicePrintData(document: document, digestValue: record.digestValue,
                                                  logoPath: logo.isEmpty ? nil : logo,
                                                  watermark: InvoiceContent.watermark(status: record.status.rawValue)),
                                 format: format, to: URL(fileURLWithPath: path))
        } catch let e as InvoicePDFError {
            throw CLIError.failure(e.message)
        }
        if StandardOutputFile.isRequested(output) {
            try StandardOutputFile.emit(path)
            return 0
        }
        Console.out(path)
        return 0
    }

    /// `path` (its folder created), a temporary file for `-`, or the documents folder beside the database.
    private static func target(_ path: String?, store: Store, name: String) throws -> String {
        if StandardOutputFile.isRequested(path) { return StandardOutputFile.temporaryPath(named: name) }
        if let path, !path.isEmpty {
            let dir = (path as NSString).deletingLastPathComponent
            if !dir.isEmpty { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
            return path
        }
        let folder = QuotePrinting.documentsFolder(of: store)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder + "/" + name
    }
}

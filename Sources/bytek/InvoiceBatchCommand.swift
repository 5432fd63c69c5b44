import BytekModel
import BytekServices
import BytekStore
import BytekSUNAT
import Foundation

/// `bytek invoice void|summary|batches`: comunicación de baja, resumen diario and their batches.
///
/// `void SERIE-NÚMERO --reason TEXTO` records the baja request (the worker sends it in an RA, or in an RC
/// line for boletas); `summary [--date YYYY-MM-DD]` queues the resumen diario now; `batches` lists the
/// RC/RA batches with their ticket and SUNAT's answer.
@MainActor
enum InvoiceBatchCommand {
    static func run(_ sub: String, _ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        do {
            switch sub {
            case "void": return try void(&args, context)
            case "summary": return try summary(&args, context)
            case "batches": return try batches(&args, context)
            default: throw CLIError.usage("subcomando desconocido: \(sub)", command: "invoice")
            }
        } catch let e as EBatchError {
            throw CLIError.failure(e.message)
        }
    }

    private static func void(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let reason = try args.option("--reason")
        let id = try args.requirePositional("SERIE-NÚMERO del comprobante a dar de baja")
        try args.finish()
        guard let reason, !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw CLIError.usage("falta --reason \"motivo de la baja\"", command: "invoice")
        }
        let invoices = try InvoiceCommand.services(context).invoices
        let record = try InvoiceCommand.existing(id) { try invoices.record(documentID: id) }
        try invoices.requestVoid(id: record.id, reason: reason)
        let via = record.series.hasPrefix("F") ? "una comunicación de baja (RA)" : "el resumen diario (RC, estado 3)"
        Console.out("Baja solicitada para \(record.documentID); el trabajador la enviará en \(via).")
        return 0
    }

    private static func summary(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let dateText = try args.option("--date")
        try args.finish()
        if let dateText, LocalDate(dateText) == nil {
            throw CLIError.usage("--date espera una fecha AAAA-MM-DD, no «\(dateText)»", command: "invoice")
        }
        let request = try InvoiceCommand.services(context).invoices.queueSummary(date: dateText, evenIfEmpty: true)
        let day = dateText.map { " del \($0)" } ?? ""
        Console.out("Resumen diario\(day) encolado (trabajo \(request.job.id)): \(request.boletas) boleta(s) por informar, "
            + "\(request.voids) baja(s) de boletas; lo envía el trabajador («bytek worker»).")
        return 0
    }

    private static func batches(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        try args.finish()
        let list = try InvoiceCommand.services(context).invoices.batchList(limit: 200)
        if list.isEmpty {
            Console.out("No hay resúmenes ni comunicaciones de baja.")
            return 0
        }
        for b in list {
            var line = "\(b.identifier)  \(b.status.rawValue)  referencia \(b.referenceDate)  \(b.documentCount) comprobante(s)"
            if let t = b.ticket { line += "  ticket \(t)" }
            if let code = b.responseCode { line += "  \(code) \(b.responseDescription ?? "")" }
            if let e = b.lastError, !b.status.isFinal { line += "  (\(e))" }
            Console.out(line)
        }
        return 0
    }
}

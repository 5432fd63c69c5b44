import BytekModel
import BytekServices
import Foundation

/// Importing a CSV file from a list screen (Clientes, Catálogo): asks for the path, runs the import as
/// a dry run through the service and shows what would change (new, updated with the columns, refused
/// with the reason), then imports for real when confirmed. Stored records are updated in the columns
/// the file has; a refused line means nothing is imported (all or nothing, as `bytek import`).
@MainActor
enum CSVImportFlow {
    /// The service's import: `bytek import … --update` without the command line.
    typealias Run = @MainActor ([UInt8], ImportOptions) throws -> ImportReport

    /// The most lines the preview lists (the rest are counted).
    static let previewLines = 6

    static func start(strings s: Strings, context: AppContext, run: @escaping Run, imported: @escaping @MainActor () -> Void) {
        let texts = ReasonDialog.Texts(title: s["import.title"], prompt: s["import.prompt"], hint: s["import.hint"],
                                       confirm: s["import.preview"], empty: s["import.emptyPath"])
        context.present(ReasonDialog(texts, maxLength: 1024, strings: s) { path in
            guard let path else { return }
            let full = (path as NSString).expandingTildeInPath
            guard let data = FileManager.default.contents(atPath: full) else {
                context.error(s.format("import.unreadable", path))
                return
            }
            let bytes = Array(data)
            let source = (full as NSString).lastPathComponent
            let report: ImportReport
            do {
                report = try run(bytes, ImportOptions(update: true, dryRun: true, source: source))
            } catch {
                context.error(describe(error, s))
                return
            }
            preview(report, source: source, strings: s, context: context) {
                do {
                    let done = try run(bytes, ImportOptions(update: true, source: source))
                    context.ok(s.format("import.done", source, String(done.created), String(done.updated)))
                    imported()
                } catch {
                    context.error(describe(error, s))
                }
            }
        })
    }

    private static func preview(_ report: ImportReport, source: String, strings s: Strings, context: AppContext,
                                confirmed: @escaping @MainActor () -> Void) {
        let refused = report.refused
        let summary = s.format("import.summary", source, String(report.created), String(report.updated),
                               String(report.unchanged), String(refused.count))
        // Refused lines first: they are what stops the import.
        let listed = refused.isEmpty ? report.lines : report.lines.filter { if case .refused = $0.outcome { true } else { false } }
        let described = listed.compactMap { line(for: $0, s) }
        var text = [summary, ""] + described.prefix(previewLines)
        if described.count > previewLines { text.append(s.format("import.more", String(described.count - previewLines))) }
        if !refused.isEmpty {
            context.present(MessageDialog(message: (text + ["", s["import.refusedAll"]]).joined(separator: "\n"),
                                          title: s["import.title"], isError: true))
        } else if report.created + report.updated == 0 {
            context.info(s["import.nothing"])
        } else {
            context.present(ConfirmDialog(message: (text + ["", s["import.confirm"]]).joined(separator: "\n"),
                                          title: s["import.title"]) { yes in if yes { confirmed() } })
        }
    }

    private static func line(for line: ImportLine, _ s: Strings) -> String? {
        let n = String(line.line)
        switch line.outcome {
        case .created(let key): return s.format("import.line.created", n, key)
        case .updated(let key, let columns): return s.format("import.line.updated", n, key, columns.joined(separator: ", "))
        case .unchanged: return nil
        case .refused(let reason): return s.format("import.line.refused", n, refusal(reason, s))
        }
    }

    static func refusal(_ reason: ImportRefusal, _ s: Strings) -> String {
        switch reason {
        case .cells(let error):
            return error.problems.map { p in
                // Sentences end with a period; joined with "; " they read better without it.
                var text = issue(p.issue, s)
                if text.hasSuffix(".") { text.removeLast() }
                return p.column.isEmpty ? text : p.column + ": " + text
            }.joined(separator: "; ")
        case .repeated(let column, let key, let first): return s.format("import.repeated", column, key, String(first))
        case .store(let error): return ErrorText(s).describe(error)
        }
    }

    private static func issue(_ issue: CSVCellIssue, _ s: Strings) -> String {
        let text = ErrorText(s)
        switch issue {
        case .missing: return s["import.issue.missing"]
        case .unknownValue(let value, let accepted): return s.format("import.issue.unknown", value, accepted.joined(separator: ", "))
        case .notAnInteger(let value): return s.format("import.issue.integer", value)
        case .money(let e): return text.money(e)
        case .customer(let e): return text.customer(e)
        case .catalog(let e): return text.catalog(e)
        case .extraFields(let count): return s.format("import.issue.extra", String(count))
        }
    }

    /// A file the import cannot start on, in one sentence.
    static func describe(_ error: Error, _ s: Strings) -> String {
        switch error {
        case CSVHeaderError.missingColumns(let c): return s.format("import.err.columns.missing", c.joined(separator: ", "))
        case CSVHeaderError.unknownColumns(let c): return s.format("import.err.columns.unknown", c.joined(separator: ", "))
        case CSVHeaderError.repeatedColumns(let c): return s.format("import.err.columns.repeated", c.joined(separator: ", "))
        case CSVError.empty: return s["import.err.empty"]
        case CSVError.invalidUTF8(let line), CSVError.unterminatedQuote(let line), CSVError.controlCharacter(let line, _):
            return s.format("import.err.file", String(line))
        default: return ErrorText(s).describe(error)
        }
    }
}

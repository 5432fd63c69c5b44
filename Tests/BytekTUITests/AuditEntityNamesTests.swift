import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekTUI

/// The Auditoría screen names every kind of record in Spanish: no `audit.entity.e_document` on screen.
@MainActor
@Suite struct AuditEntityNamesTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")

    /// Every `append(entity: X` in the sources, with X resolved to its text: a string literal, or a
    /// `static let` constant of the type it names (`SalesAuditEntity.quote`, `AuditEntity.user`,
    /// `CompanyProfileRepository.auditEntity`).
    static func writtenEntityNames() throws -> [(name: String?, expression: String, file: String)] {
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        var texts: [String: String] = [:]
        for f in files { texts[f.lastPathComponent] = try String(contentsOf: f, encoding: .utf8) }
        let all = texts.values.joined(separator: "\n")
        let call = try Regex(#"\.append\(\s*entity:\s*([^,]+),"#)
        var out: [(String?, String, String)] = []
        for (file, text) in texts {
            for m in text.matches(of: call) {
                let expr = String(m.output[1].substring ?? "").trimmingCharacters(in: .whitespaces)
                out.append((resolve(expr, in: all), expr, file))
            }
        }
        return out
    }

    static func resolve(_ expr: String, in all: String) -> String? {
        if expr.hasPrefix("\""), expr.hasSuffix("\""), expr.count >= 2 { return String(expr.dropFirst().dropLast()) }
        guard let member = expr.split(separator: ".").last else { return nil }
        let decl = try? Regex(#"static let "# + member + #"\s*=\s*"([a-z_]+)""#)
        guard let decl, let m = all.firstMatch(of: decl) else {
            // A constant defined by another constant (`static let company = Repo.auditEntity`).
            guard let alias = try? Regex(#"static let "# + member + #"\s*=\s*([A-Za-z.]+)\s*\n"#),
                  let a = all.firstMatch(of: alias), let target = a.output[1].substring, String(target) != expr
            else { return nil }
            return resolve(String(target), in: all)
        }
        return m.output[1].substring.map(String.init)
    }

    static func tag(_ i: Int) -> String { String(Character(Unicode.Scalar(UInt8(65 + i)))) }

    @Test func everyEntityWrittenToTheAuditLogIsListedAndNamed() throws {
        let written = try Self.writtenEntityNames()
        #expect(written.count >= 20, "se esperaban las llamadas de todos los repositorios, hay \(written.count)")
        for w in written {
            let name = try #require(w.name, "\(w.file): no se pudo leer la entidad «\(w.expression)»")
            #expect(AuditEntity.all.contains(name), "\(w.file): «\(name)» no está en AuditEntity.all")
        }
        for language in [Strings.Language.es, .en] {
            let s = Strings(language: language)
            for e in AuditEntity.all {
                let text = s["audit.entity." + e]
                #expect(text != "audit.entity." + e, "«\(e)» no tiene nombre en \(language)")
                #expect(!text.contains("_") && !text.contains("audit."))
            }
            for a in AuditAction.allCases { #expect(s["audit.action." + a.rawValue] != "audit.action." + a.rawValue) }
        }
    }

    /// The way a user meets it: one change of each kind in the log, the Auditoría screen 120 columns wide
    /// shows each Spanish name whole, and the entity filter (`e`) walks through every one. (60 rows: there are
    /// more entities than a 40-row screen lists at once.)
    @Test func auditScreenShowsEveryEntityInSpanish() throws {
        let h = try ScreenHarness(height: 60)
        let log = AuditLog(db: h.store.db, user: "admin", now: { ScreenHarness.fixedNow })
        try h.store.db.write {
            for (i, e) in AuditEntity.all.enumerated() {
                try log.append(entity: e, entityId: Int64(i + 1), action: .update, summary: "caso " + Self.tag(i))
            }
        }
        h.go(.audit)
        let s = Strings(language: .es)
        #expect(!h.screen.contains("audit.entity"))
        for (i, e) in AuditEntity.all.enumerated() {
            let line = try #require(h.screen.split(separator: "\n").first { $0.contains("caso " + Self.tag(i)) }, "falta \(e)\n\(h.screen)")
            #expect(line.contains(" " + s["audit.entity." + e] + " "), "«\(s["audit.entity." + e])» cortado: \(line)")
        }
        for e in AuditEntity.all {
            h.keys(.char("e"))
            #expect(h.screen.contains("Entidad: " + s["audit.entity." + e]))
            #expect(h.screen.contains("1 fila"))
        }
    }
}
